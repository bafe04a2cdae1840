using Iomete.Functions.Sql.Queries;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Monitoring;

/// <summary>The admin view of query monitoring: every domain's queries on every compute.</summary>
public sealed class ListAllQueries(ICallerAccessor callers, IAccessControl access, QueryStore store, TimeProvider clock)
{
    [Function("sql-monitoring-admin-list")]
    [OpenApiOperation("Query monitoring", "Queries of every domain on every compute (admin)",
        Description = "Needs DOMAIN_MANAGER (READ_ONLY_ADMIN may read). Defaults: every user's queries of the last 24 hours, newest first.")]
    [OpenApiPaged]
    [OpenApiQuery("domain", "Domains (comma-separated)")]
    [OpenApiQuery("userId", "Users (comma-separated)")]
    [OpenApiQuery("status", "Statuses (comma-separated)")]
    [OpenApiQuery("from", "Submitted at or after this instant (ISO 8601); default 24 hours ago")]
    [OpenApiQuery("to", "Submitted before this instant (ISO 8601)")]
    [OpenApiQuery("computeCluster", "Compute names (comma-separated)")]
    [OpenApiQuery("queryId", "One query id")]
    [OpenApiQuery("minDurationMs", "Only queries that ran (or have been running) longer than this")]
    [OpenApiResponse(200, typeof(Page<QueryView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/query-monitoring/queries")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.DomainManager, forRead: true);

        var query = MonitoringLists.Query(request);
        var filter = MonitorFilter.Read(request, clock.GetUtcNow());
        var domains = MonitorFilter.List(request, "domain");
        var users = MonitorFilter.List(request, "userId");
        return ApiResults.Ok(await store.ListAsync(
            filter with { Domains = domains.Count == 0 ? null : domains, UserIds = users.Count == 0 ? null : users }, query, ct));
    }
}
