using Iomete.Functions.Clusters.DataPlane;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Jupyter;

public sealed class StartJupyterContainer(
    ICallerAccessor callers, JupyterAccess access, JupyterStore store, JupyterDeployer deployer, IOptions<DataPlaneOptions> dataPlane)
{
    [Function("clusters-jupyter-start")]
    [OpenApiOperation("Jupyter containers", "Start a stopped or failed Jupyter container (RUN)",
        Description = "STOPPED/FAILED → STARTING; the image is pulled again and a new token is made. 409 in other states, " +
                      "or DATA_PLANE_NOT_CONFIGURED without a Kubernetes data plane.")]
    [OpenApiResponse(200, typeof(JupyterContainerView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/jupyter-containers/{id}/start")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var container = await access.RequireAsync(caller, domain, id, JupyterAccess.Run, ct);
        if (!dataPlane.Value.Configured)
            throw new DataPlaneNotConfiguredException();
        await deployer.PlanAsync(container, ct);
        if (container.Status is not (JupyterStatus.Stopped or JupyterStatus.Failed))
            throw new ConflictException($"The Jupyter container '{container.Name}' is already running; terminate it first.");
        // A fresh start: what a failed run left behind goes first (its conditions, its pods), and the image is pulled again.
        await deployer.RemoveAsync(container, ct);
        if (!await store.TransitionAsync(container.Id, [JupyterStatus.Stopped, JupyterStatus.Failed], JupyterStatus.Starting, null, ct))
            throw new ConflictException($"The Jupyter container '{container.Name}' is already running; terminate it first.");
        var started = await JupyterLifecycle.DeployAsync(deployer, store, container with { Status = JupyterStatus.Starting }, ct);
        return ApiResults.Ok(JupyterContainerView.From(started));
    }
}
