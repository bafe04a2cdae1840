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

public sealed class GetJupyterConnection(
    ICallerAccessor callers, JupyterAccess access, JupyterDeployer deployer, IOptions<JupyterOptions> options, IOptions<DataPlaneOptions> dataPlane)
{
    [Function("clusters-jupyter-connection")]
    [OpenApiOperation("Jupyter containers", "The URL and JupyterLab token of a running container (its owner only)",
        Description = "The token opens the notebook server, so only the user who created the container gets it, whatever else they were granted.")]
    [OpenApiResponse(200, typeof(JupyterConnectionView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/jupyter-containers/{id}/connection")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var container = await access.RequireAsync(caller, domain, id, JupyterAccess.View, ct);
        if (container.CreatedBy != caller.UserId)
            throw new ForbiddenException("Only the owner of a Jupyter container gets its token.");
        if (!dataPlane.Value.Configured)
            throw new DataPlaneNotConfiguredException();
        var token = container.Status == JupyterStatus.Stopped ? null : await deployer.ReadTokenAsync(container, ct);
        if (token is null)
            throw new ConflictException($"The Jupyter container '{container.Name}' is not running; start it first.");
        var baseUrl = JupyterDeployer.BaseUrl(container);
        var url = $"{options.Value.PublicUrl?.TrimEnd('/')}{baseUrl}lab?token={Uri.EscapeDataString(token)}";
        return ApiResults.Ok(new JupyterConnectionView(url, baseUrl, token, container.Status));
    }
}
