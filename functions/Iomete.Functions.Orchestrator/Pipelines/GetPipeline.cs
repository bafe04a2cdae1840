using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Pipelines;

public sealed class GetPipeline(ICallerAccessor callers, PipelineAccess access)
{
    [Function("orchestrator-pipelines-get")]
    [OpenApiOperation("Pipelines", "Get a pipeline (VIEW)")]
    [OpenApiResponse(200, typeof(PipelineView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/pipelines/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var pipeline = await access.RequireAsync(caller, domain, id, PipelineAccess.View, ct);
        return ApiResults.Ok(PipelineView.From(pipeline));
    }
}
