using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Pipelines;
using Iomete.Workflows.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Pipelines;

public sealed class DeletePipeline(ICallerAccessor callers, PipelineAccess access, IAssetRegistry assets, PipelineStore store, WorkflowRunStore runs)
{
    [Function("orchestrator-pipelines-delete")]
    [OpenApiOperation("Pipelines", "Delete a pipeline (DELETE)",
        Description = "Refused with 409 while a run of it has not ended (cancel it first). Its past runs stay in the run history.")]
    [OpenApiResponse(204)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/domains/{domain}/pipelines/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var pipeline = await access.RequireAsync(caller, domain, id, PipelineAccess.Delete, ct);
        if ((await runs.ActiveAsync(null, id, ct)).FirstOrDefault() is { } active)
        {
            throw new ConflictException($"Pipeline '{pipeline.Name}' has a run that has not ended ({active.Id}, {active.State.Name()}); cancel it first.");
        }
        await store.DeleteAsync(id, ct);
        await assets.UnregisterAsync(AssetType.Pipeline, id, ct);
        return ApiResults.NoContent();
    }
}
