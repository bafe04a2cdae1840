using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Compute;

public sealed class ListCompute(ICallerAccessor callers, ComputeAccess access, ComputeClusterStore store, LocalCompute local)
{
    [Function("clusters-compute-list")]
    [OpenApiOperation("Compute clusters", "List the compute clusters of a domain the caller may view",
        Description = "The embedded compute 'local' comes first (when it matches the filters), then the Spark clusters the caller may VIEW.")]
    [OpenApiPaged]
    [OpenApiQuery("status", "Only clusters in this state: STARTING, ACTIVE, STOPPED or FAILED")]
    [OpenApiQuery("namespace", "Only clusters of this namespace ('local' has none)")]
    [OpenApiResponse(200, typeof(Page<ComputeClusterView>))]
    [OpenApiResponse(400)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/compute")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var query = ListQuery.From(request, ComputeClusterStore.Sortable, "name");
        var ns = request.Query["namespace"].ToString() is { Length: > 0 } n ? n : null;
        var filter = new ComputeFilter(Status(request), ns);
        await access.RequireDomainAsync(caller, domain, ct);

        var withLocal = filter.Namespace is null && filter.Status is null or ComputeStatus.Active
                        && (query.Search is null || ComputeRules.Local.Contains(query.Search, StringComparison.OrdinalIgnoreCase));
        var all = await store.ListAsync(domain, filter, query with { Offset = 0, Limit = int.MaxValue }, ct);
        var visible = new List<ComputeClusterView>();
        foreach (var cluster in all.Items)
        {
            if (ComputeAccess.SeesEverything(caller) || await access.AllowsAsync(caller, cluster.Id, ComputeAccess.View, ct))
            {
                visible.Add(ComputeClusterView.From(cluster));
            }
        }
        var total = visible.Count + (withLocal ? 1 : 0);
        var window = visible.AsEnumerable();
        if (withLocal && query.Offset == 0)
        {
            window = visible.Take(query.Limit - 1).Prepend(await local.ViewAsync(request, domain, ct));
        }
        else
        {
            window = visible.Skip(query.Offset - (withLocal ? 1 : 0)).Take(query.Limit);
        }
        return ApiResults.Ok(new Page<ComputeClusterView>(window.ToList(), total, query.Offset, query.Limit));
    }

    private static ComputeStatus? Status(HttpRequest request)
    {
        var raw = request.Query["status"].ToString();
        if (raw.Length == 0)
        {
            return null;
        }
        return Enum.TryParse<ComputeStatus>(raw, ignoreCase: true, out var status) && !int.TryParse(raw, out _)
            ? status
            : throw ValidationException.ForField("status", "must be STARTING, ACTIVE, STOPPED or FAILED");
    }
}
