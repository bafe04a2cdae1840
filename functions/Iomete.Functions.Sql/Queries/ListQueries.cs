using Iomete.Functions.Sql.Monitoring;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Queries;

/// <summary>Query history: the caller's queries of the last hour by default, newest first.</summary>
public sealed class ListQueries(ICallerAccessor callers, QueryAccess access, QueryStore store, TimeProvider clock)
{
    public static readonly TimeSpan DefaultRange = TimeSpan.FromHours(1);

    [Function("sql-queries-list")]
    [OpenApiOperation("SQL queries", "Query history", Description = "Defaults: the caller's own queries submitted in the last hour, newest first.")]
    [OpenApiPaged]
    [OpenApiQuery("status", "Only these statuses (comma-separated, e.g. RUNNING,FAILED)")]
    [OpenApiQuery("from", "Submitted at or after this instant (ISO 8601); default one hour ago")]
    [OpenApiQuery("to", "Submitted before this instant (ISO 8601)")]
    [OpenApiQuery("computeCluster", "Only queries on this compute")]
    [OpenApiQuery("userId", "Another user's queries, or '*' for every user (domain managers and super admins only)")]
    [OpenApiResponse(200, typeof(Page<QueryView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/sql/queries")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);

        var query = ListQuery.From(request, QueryStore.Sortable, "submittedAt");
        if (string.IsNullOrEmpty(request.Query["sort"]))
        {
            query = query with { Descending = true };
        }
        var statuses = MonitorFilter.ReadStatuses(request);
        var from = MonitorFilter.ReadInstant(request, "from") ?? clock.GetUtcNow().Subtract(DefaultRange);
        var to = MonitorFilter.ReadInstant(request, "to");
        var compute = request.Query["computeCluster"].ToString();
        var userId = request.Query["userId"].ToString();

        await access.RequireDomainAsync(caller, domain, ct);
        if (userId.Length > 0 && userId != caller.UserId && !QueryAccess.SeesEveryQuery(caller))
        {
            throw new ForbiddenException("Only domain managers and super admins may list other users' queries.");
        }
        var filter = new MonitorFilter([domain], userId.Length == 0 ? [caller.UserId] : userId == "*" ? null : [userId],
            statuses, from.ToUnixTimeMilliseconds(), to?.ToUnixTimeMilliseconds(), compute.Length == 0 ? [] : [compute], null, null);
        return ApiResults.Ok(await store.ListAsync(filter, query, ct));
    }
}
