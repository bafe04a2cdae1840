using Iomete.Functions.Clusters.Actors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Compute;

public sealed class RestartCompute(ICallerAccessor callers, ComputeAccess access, ComputeActors actors)
{
    [Function("clusters-compute-restart")]
    [OpenApiOperation("Compute clusters", "Restart a compute cluster: terminate, then start (EXECUTE; STARTING, ACTIVE or FAILED)",
        Description = "A state that does not allow it answers 409 naming the state and its allowed actions; without a data plane, starting answers 409 DATA_PLANE_NOT_CONFIGURED.")]
    [OpenApiResponse(200, typeof(ComputeClusterView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v2/domains/{domain}/compute/{id}/restart")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        if (LocalCompute.Is(id))
        {
            ComputeActions.RequireForLocal(ComputeActions.Restart);
        }
        var cluster = await access.RequireAsync(caller, domain, id, ComputeAccess.Execute, ct);
        var result = await actors.Get(cluster.Id).RestartAsync(caller.UserId, ct);
        return ApiResults.Ok(ComputeClusterView.From(result));
    }
}
