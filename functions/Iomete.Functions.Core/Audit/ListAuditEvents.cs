using System.Globalization;
using Iomete.Platform.Audit;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.Audit;

/// <summary>The platform event log (IOMETE's Administration → Event Logs): every mutating request and every denial, newest first.</summary>
public sealed class ListAuditEvents(ICallerAccessor callers, IAccessControl access, IAuditLog audit)
{
    [Function("core-audit-events-list")]
    [OpenApiOperation("Audit", "Query the audit log, newest first")]
    [OpenApiQuery("userId", "Only events of this user id")]
    [OpenApiQuery("username", "Only events of this username")]
    [OpenApiQuery("method", "Only this HTTP method (POST, PUT, PATCH, DELETE, GET for denied reads)")]
    [OpenApiQuery("pathPrefix", "Only request paths starting with this, e.g. /api/v1/admin/node-types")]
    [OpenApiQuery("success", "true for requests that succeeded, false for failures and denials", Type = "boolean")]
    [OpenApiQuery("domain", "Only events in this domain")]
    [OpenApiQuery("from", "Earliest time, ISO 8601 (inclusive)")]
    [OpenApiQuery("to", "Latest time, ISO 8601 (exclusive)")]
    [OpenApiQuery("offset", "Events to skip (default 0)", Type = "integer")]
    [OpenApiQuery("limit", "Events per page, 1 to 1000 (default 100)", Type = "integer")]
    [OpenApiResponse(200, typeof(Page<AuditEvent>))]
    [OpenApiResponse(400)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/audit-events")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        if (!caller.HasAdminRole(AdminRole.DataSecurityAndAuditManager, forRead: true))
        {
            access.RequireAdminRole(caller, AdminRole.AdministrationManager, forRead: true);
        }

        var query = new AuditQuery(
            Text(request, "userId"),
            Text(request, "username"),
            Text(request, "method"),
            Text(request, "pathPrefix"),
            Flag(request, "success"),
            Text(request, "domain"),
            Instant(request, "from"),
            Instant(request, "to"),
            ListQuery.ReadInt(request, "offset", 0, 0, int.MaxValue),
            ListQuery.ReadInt(request, "limit", 100, 1, ListQuery.MaxLimit));
        if (query.From >= query.To)
        {
            throw ValidationException.ForField("to", "must be later than from");
        }
        return ApiResults.Ok(await audit.QueryAsync(query, ct));
    }

    private static string? Text(HttpRequest request, string name)
    {
        var value = request.Query[name].ToString();
        return value.Length == 0 ? null : value;
    }

    private static bool? Flag(HttpRequest request, string name) => Text(request, name) switch
    {
        null => null,
        var v when bool.TryParse(v, out var b) => b,
        _ => throw ValidationException.ForField(name, "must be true or false"),
    };

    private static DateTimeOffset? Instant(HttpRequest request, string name) => Text(request, name) switch
    {
        null => null,
        var v when DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) => t,
        _ => throw ValidationException.ForField(name, "must be an ISO 8601 date-time, e.g. 2026-11-28T10:00:00Z"),
    };
}
