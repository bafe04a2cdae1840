using System.Globalization;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.DataSecurity.Audit;

public sealed class ListDataAccessAudit(ICallerAccessor callers, IAccessControl access, DataAccessAuditStore store)
{
    private static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string> { ["eventTime"] = "event_time_ms" };

    [Function("identity-data-security-audit-list")]
    [OpenApiOperation("Data security", "Data-access decisions (Ranger audit), newest first")]
    [OpenApiPaged]
    [OpenApiQuery("user", "Only decisions about this user")]
    [OpenApiQuery("resource", "Only resources starting with this path (catalog.database.table.column)")]
    [OpenApiQuery("accessType", "Only this access type, e.g. select")]
    [OpenApiQuery("result", "ALLOWED or DENIED")]
    [OpenApiQuery("policyId", "Only decisions made by this policy")]
    [OpenApiQuery("enforcer", "Only decisions asked by this enforcer (sql, iceberg-rest, event-stream, ...)")]
    [OpenApiQuery("from", "From this instant (ISO 8601, inclusive)")]
    [OpenApiQuery("to", "Up to this instant (ISO 8601, exclusive)")]
    [OpenApiResponse(200, typeof(Page<DataAccessAuditView>))]
    [OpenApiResponse(400)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/data-security/audit")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.DataSecurityAndAuditManager, forRead: true);
        var query = ListQuery.From(request, Sortable, "eventTime");
        var newestFirst = query.Descending || string.IsNullOrEmpty(request.Query["sort"].ToString());
        var filter = new DataAccessAuditFilter(
            Text(request, "user"), Text(request, "resource"), Text(request, "accessType")?.ToLowerInvariant(),
            Text(request, "result")?.ToUpperInvariant() switch
            {
                null => null,
                "ALLOWED" => true,
                "DENIED" => false,
                _ => throw ValidationException.ForField("result", "must be ALLOWED or DENIED"),
            },
            Text(request, "policyId") is { } policy
                ? long.TryParse(policy, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : throw ValidationException.ForField("policyId", "must be an integer")
                : null,
            Text(request, "enforcer"), Instant(request, "from"), Instant(request, "to"));
        return ApiResults.Ok(await store.ListAsync(filter, query, newestFirst, ct));
    }

    private static DateTimeOffset? Instant(HttpRequest request, string name) => Text(request, name) is { } text
        ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw ValidationException.ForField(name, "must be an ISO 8601 instant, e.g. 2026-11-29T10:00:00Z")
        : null;

    private static string? Text(HttpRequest request, string name)
    {
        var value = request.Query[name].ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
