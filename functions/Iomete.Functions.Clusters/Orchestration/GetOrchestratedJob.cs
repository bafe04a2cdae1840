using Iomete.Functions.Clusters.Jobs;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Orchestration;

/// <summary>A job's orchestration settings; with <c>?permission=RUN</c> (and the acting user's header) only if that user holds it.</summary>
public sealed class GetOrchestratedJob(ICallerAccessor callers, JobAccess access, OrchestrationCalls calls)
{
    [Function("clusters-orchestration-jobs-get")]
    [OpenApiOperation("Internal", "A job's namespace, priority, concurrency, run-as user, duration limit and resource demand (platform only)")]
    [OpenApiQuery("permission", "A job permission (VIEW, RUN, …) the acting user must hold")]
    [OpenApiResponse(200, typeof(JobOrchestrationView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = OrchestrationCalls.Root + "/jobs/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        OrchestrationCalls.RequireInternal(request);
        var permission = request.Query["permission"].ToString();
        var job = permission.Length > 0
            ? await access.RequireAsync(caller, domain, id, permission.ToUpperInvariant(), ct)
            : await calls.RequireJobAsync(domain, id, ct);
        return ApiResults.Ok(await calls.ViewAsync(job, ct));
    }
}
