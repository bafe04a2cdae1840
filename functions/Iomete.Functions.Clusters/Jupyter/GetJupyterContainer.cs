using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Jupyter;

public sealed class GetJupyterContainer(ICallerAccessor callers, JupyterAccess access)
{
    [Function("clusters-jupyter-get")]
    [OpenApiOperation("Jupyter containers", "Read a Jupyter container (VIEW)")]
    [OpenApiResponse(200, typeof(JupyterContainerView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/jupyter-containers/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var container = await access.RequireAsync(caller, domain, id, JupyterAccess.View, ct);
        return ApiResults.Ok(JupyterContainerView.From(container));
    }
}
