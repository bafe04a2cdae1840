using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Pipelines;

public sealed class ListPipelines(ICallerAccessor callers, PipelineAccess access, PipelineStore store)
{
    [Function("orchestrator-pipelines-list")]
    [OpenApiOperation("Pipelines", "List the pipelines of a domain the caller may view",
        Description = "Search matches name and description; sort by name, createdAt or updatedAt. Each item carries the state of its latest run.")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<PipelineView>))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/pipelines")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var query = ListQuery.From(request, PipelineStore.Sortable, "name");
        await access.RequireDomainAsync(caller, domain, ct);

        if (PipelineAccess.SeesEverything(caller))
        {
            var page = await store.ListAsync(domain, query, ct);
            return ApiResults.Ok(new Page<PipelineView>(page.Items.Select(s => PipelineView.From(s.Pipeline, s.LastRunState)).ToList(), page.Total, page.Offset, page.Limit));
        }
        // Per-pipeline grants live in the identity service: filter, then page.
        var all = await store.ListAsync(domain, query with { Offset = 0, Limit = int.MaxValue }, ct);
        var visible = new List<PipelineSummary>();
        foreach (var summary in all.Items)
        {
            if (await access.AllowsAsync(caller, summary.Pipeline.Id, PipelineAccess.View, ct))
            {
                visible.Add(summary);
            }
        }
        var items = visible.Skip(query.Offset).Take(query.Limit).Select(s => PipelineView.From(s.Pipeline, s.LastRunState)).ToList();
        return ApiResults.Ok(new Page<PipelineView>(items, visible.Count, query.Offset, query.Limit));
    }
}
