using Iomete.Functions.Sql.Queries;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Monitoring;

/// <summary>
/// Query monitoring of one domain: every query on every compute (SQL editor, schedules, JDBC, API), the caller's own by
/// default; domain managers and super admins may widen to other users or everyone.
/// </summary>
public sealed class ListDomainQueries(ICallerAccessor callers, QueryAccess access, QueryStore store, TimeProvider clock)
{
    [Function("sql-monitoring-domain-list")]
    [OpenApiOperation("Query monitoring", "Queries of a domain on every compute",
        Description = "Defaults: the caller's queries of the last 24 hours, newest first. Filters combine; list parameters are comma-separated or repeated.")]
    [OpenApiPaged]
    [OpenApiQuery("userId", "Users whose queries to list (comma-separated), or '*' for everyone (domain managers and super admins only); default the caller")]
    [OpenApiQuery("status", "Statuses (comma-separated): SUBMITTED, RUNNING, COMPLETED, FAILED, CANCELLING, CANCELLED, RESULT_EXPIRED")]
    [OpenApiQuery("from", "Submitted at or after this instant (ISO 8601); default 24 hours ago")]
    [OpenApiQuery("to", "Submitted before this instant (ISO 8601)")]
    [OpenApiQuery("computeCluster", "Compute names (comma-separated)")]
    [OpenApiQuery("queryId", "One query id")]
    [OpenApiQuery("minDurationMs", "Only queries that ran (or have been running) longer than this")]
    [OpenApiResponse(200, typeof(Page<QueryView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/query-monitoring/queries")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainAsync(caller, domain, ct);

        var query = MonitoringLists.Query(request);
        var filter = MonitorFilter.Read(request, clock.GetUtcNow());
        var users = MonitorFilter.List(request, "userId");
        var widened = users.Contains("*") || users.Any(u => u != caller.UserId);
        if (widened && !QueryAccess.SeesEveryQuery(caller))
        {
            throw new ForbiddenException("Only domain managers and super admins may monitor other users' queries.");
        }
        IReadOnlyList<string>? userIds = users.Count == 0 ? [caller.UserId] : users.Contains("*") ? null : users;
        return ApiResults.Ok(await store.ListAsync(filter with { Domains = [domain], UserIds = userIds }, query, ct));
    }
}
