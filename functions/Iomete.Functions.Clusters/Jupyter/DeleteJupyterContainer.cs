using Iomete.Functions.Clusters.DataPlane;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Jupyter;

public sealed class DeleteJupyterContainer(
    ICallerAccessor callers, JupyterAccess access, IAssetRegistry assets, JupyterStore store, JupyterDeployer deployer, IOptions<DataPlaneOptions> dataPlane)
{
    [Function("clusters-jupyter-delete")]
    [OpenApiOperation("Jupyter containers", "Delete a Jupyter container (DELETE)",
        Description = "In any state: its Deployment, Service and token Secret are removed from the data plane first.")]
    [OpenApiResponse(204)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/domains/{domain}/jupyter-containers/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var container = await access.RequireAsync(caller, domain, id, JupyterAccess.Delete, ct);
        // Without a data plane nothing of it can be running there: a platform whose data plane was removed can still clean up.
        if (dataPlane.Value.Configured)
            await deployer.RemoveAsync(container, ct);
        await store.DeleteAsync(container.Id, ct);
        await assets.UnregisterAsync(AssetType.JupyterContainer, container.Id, ct);
        return ApiResults.NoContent();
    }
}
