using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Jobs;
using Iomete.Workflows.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Pipelines;

public sealed class UpdatePipeline(
    ICallerAccessor callers, PipelineAccess access, IAssetRegistry assets, PipelineStore store, IEnumerable<IJobService> jobs)
{
    [Function("orchestrator-pipelines-update")]
    [OpenApiOperation("Pipelines", "Update a pipeline (UPDATE)",
        Description = "Absent fields keep their value; version must be the one read (409 otherwise). Runs that started keep the graph they started with.")]
    [OpenApiRequestBody(typeof(UpdatePipelineRequest))]
    [OpenApiResponse(200, typeof(PipelineView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/domains/{domain}/pipelines/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        // A caller outside the domain learns nothing, not even what the body should look like.
        await access.RequireDomainAsync(caller, domain, ct);
        var body = await RequestBody.ReadAsync<UpdatePipelineRequest>(request, ct);
        var nodes = body.Nodes is null ? null : PipelineRules.Nodes(body.Nodes);
        var parameters = body.Parameters is null ? null : PipelineRules.Parameters(body.Parameters);
        var current = await access.RequireAsync(caller, domain, id, PipelineAccess.Update, ct);
        if (current.Version != body.Version)
        {
            throw new ConflictException($"The pipeline '{current.Name}' is at version {current.Version}, not {body.Version}; read it again and retry.");
        }
        if (nodes is not null)
        {
            await PipelineRules.RequireJobsAsync(jobs.FirstOrDefault(), domain, caller.UserId, nodes, ct);
        }

        var next = current with
        {
            Name = body.Name is null ? current.Name : PipelineRules.Name(body.Name),
            Description = body.Description is null ? current.Description : PipelineRules.Description(body.Description),
            ResourceBundleId = string.IsNullOrEmpty(body.ResourceBundleId) ? current.ResourceBundleId : body.ResourceBundleId,
            Nodes = nodes ?? current.Nodes,
            Parameters = parameters ?? current.Parameters,
            Tags = body.Tags is null ? current.Tags : PipelineRules.Tags(body.Tags),
        };
        var moving = next.ResourceBundleId != current.ResourceBundleId;
        if (moving)
        {
            await MoveAsync(caller, current, next.ResourceBundleId, ct);
        }
        try
        {
            return ApiResults.Ok(PipelineView.From(await store.UpdateAsync(next, current.Version, ct)));
        }
        catch (ApiException) when (moving)
        {
            await assets.UnregisterAsync(AssetType.Pipeline, id, CancellationToken.None);
            await assets.RegisterAsync(caller, domain, current.ResourceBundleId, AssetType.Pipeline, id, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Moves the pipeline to its new bundle (the caller must be able to use it); a refusal leaves it where it was.</summary>
    private async Task MoveAsync(Caller caller, Pipeline pipeline, string toBundle, CancellationToken ct)
    {
        await assets.UnregisterAsync(AssetType.Pipeline, pipeline.Id, ct);
        try
        {
            await assets.RegisterAsync(caller, pipeline.DomainId, toBundle, AssetType.Pipeline, pipeline.Id, ct);
        }
        catch
        {
            await assets.RegisterAsync(caller, pipeline.DomainId, pipeline.ResourceBundleId, AssetType.Pipeline, pipeline.Id, CancellationToken.None);
            throw;
        }
    }
}
