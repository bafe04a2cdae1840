using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Platform.Time;
using Iomete.Workflows.Jobs;
using Iomete.Workflows.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Pipelines;

public sealed class CreatePipeline(
    ICallerAccessor callers, IAccessControl access, IAssetRegistry assets, PipelineStore store, IEnumerable<IJobService> jobs,
    IIdGenerator ids, TimeProvider clock)
{
    [Function("orchestrator-pipelines-create")]
    [OpenApiOperation("Pipelines", "Create a pipeline (a DAG of jobs)",
        Description = "Needs the domain permission CREATE_SPARK_JOB and a resource bundle the caller can use. Nodes run jobs; " +
                      "dependsOn edges carry ON_SUCCESS, ON_FAILURE or ALWAYS. Unknown nodes, cycles and duplicate keys are refused with 400.")]
    [OpenApiRequestBody(typeof(CreatePipelineRequest))]
    [OpenApiResponse(201, typeof(PipelineView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/pipelines")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        // A caller outside the domain learns nothing, not even what the body should look like.
        await access.RequireDomainAccessAsync(caller, domain, ct);
        var body = await RequestBody.ReadAsync<CreatePipelineRequest>(request, ct);
        var name = PipelineRules.Name(body.Name);
        var nodes = PipelineRules.Nodes(body.Nodes);
        var parameters = PipelineRules.Parameters(body.Parameters);
        var pipeline = new Pipeline
        {
            Id = ids.NewId(),
            DomainId = domain,
            Name = name,
            Description = PipelineRules.Description(body.Description),
            ResourceBundleId = body.ResourceBundleId!,
            Nodes = nodes,
            Parameters = parameters,
            Tags = PipelineRules.Tags(body.Tags),
            CreatedBy = caller.UserId,
            CreatedAt = clock.GetUtcNow(),
            UpdatedAt = clock.GetUtcNow(),
        };
        await access.RequireDomainPermissionAsync(caller, domain, DomainPermission.CreateSparkJob, ct);
        await PipelineRules.RequireJobsAsync(jobs.FirstOrDefault(), domain, caller.UserId, nodes, ct);

        var created = await store.CreateAsync(pipeline, ct);
        try
        {
            await assets.RegisterAsync(caller, domain, created.ResourceBundleId, AssetType.Pipeline, created.Id, ct);
        }
        catch
        {
            await store.DeleteAsync(created.Id, CancellationToken.None);
            throw;
        }
        return ApiResults.Created(PipelineView.From(created), $"/api/v1/domains/{domain}/pipelines/{created.Id}");
    }
}
