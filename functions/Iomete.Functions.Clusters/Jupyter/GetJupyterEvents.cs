using Iomete.Functions.Clusters.DataPlane;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Jupyter;

public sealed class GetJupyterEvents(ICallerAccessor callers, JupyterAccess access, IDataPlaneDiagnostics diagnostics)
{
    [Function("clusters-jupyter-events")]
    [OpenApiOperation("Jupyter containers", "Kubernetes events of a Jupyter container's Deployment and Service (VIEW), newest first")]
    [OpenApiResponse(200, typeof(IReadOnlyList<KubernetesEventView>))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/jupyter-containers/{id}/events")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var container = await access.RequireAsync(caller, domain, id, JupyterAccess.View, ct);
        var events = await diagnostics.ListEventsAsync(container.Namespace, container.ObjectName, [], ct);
        return ApiResults.Ok(events);
    }
}
