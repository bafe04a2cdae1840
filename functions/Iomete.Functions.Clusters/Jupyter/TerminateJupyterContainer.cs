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

public sealed class TerminateJupyterContainer(
    ICallerAccessor callers, JupyterAccess access, JupyterStore store, JupyterDeployer deployer, IOptions<DataPlaneOptions> dataPlane)
{
    [Function("clusters-jupyter-terminate")]
    [OpenApiOperation("Jupyter containers", "Terminate a Jupyter container (RUN)",
        Description = "Deletes its Deployment, Service and token Secret: STOPPED. The volume (and what is on it) stays. Stopping a stopped one changes nothing.")]
    [OpenApiResponse(200, typeof(JupyterContainerView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/jupyter-containers/{id}/terminate")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var container = await access.RequireAsync(caller, domain, id, JupyterAccess.Run, ct);
        if (container.Status != JupyterStatus.Stopped)
        {
            if (dataPlane.Value.Configured)
                await deployer.RemoveAsync(container, ct);
            await store.TransitionAsync(container.Id, [JupyterStatus.Starting, JupyterStatus.Active, JupyterStatus.Failed], JupyterStatus.Stopped, null, ct);
        }
        var stopped = await store.GetAsync(container.Id, ct) ?? throw new NotFoundException("Jupyter container", container.Id);
        return ApiResults.Ok(JupyterContainerView.From(stopped));
    }
}
