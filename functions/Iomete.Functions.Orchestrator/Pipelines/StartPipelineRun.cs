using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Pipelines;

public sealed class StartPipelineRun(ICallerAccessor callers, PipelineAccess access, PipelineLauncher launcher)
{
    public const string IdempotencyHeader = "Idempotency-Key";

    [Function("orchestrator-pipelines-run")]
    [OpenApiOperation("Pipelines", "Start a pipeline run (RUN)",
        Description = "Parameters override the pipeline's defaults for this run. With an 'Idempotency-Key' header a repeated request " +
                      "returns the run the first one started (200 instead of 201).")]
    [OpenApiRequestBody(typeof(StartPipelineRunRequest))]
    [OpenApiResponse(201, typeof(PipelineRunView))]
    [OpenApiResponse(200, typeof(PipelineRunView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/pipelines/{id}/runs")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var body = request.ContentLength is 0 ? new StartPipelineRunRequest() : await RequestBody.ReadAsync<StartPipelineRunRequest>(request, ct);
        var overrides = PipelineRules.Parameters(body.Parameters);
        var key = request.Headers[IdempotencyHeader].ToString().Trim();
        if (key.Length > 128)
        {
            throw ValidationException.ForField(IdempotencyHeader, "must be at most 128 characters");
        }
        var pipeline = await access.RequireAsync(caller, domain, id, PipelineAccess.Run, ct);

        var (run, created) = await launcher.StartAsync(pipeline, overrides, caller.UserId, key.Length == 0 ? null : key, ct);
        return created
            ? ApiResults.Created(PipelineRunView.From(run), $"/api/v1/domains/{domain}/pipelines/{id}/runs/{run.Id}")
            : ApiResults.Ok(PipelineRunView.From(run));
    }
}
