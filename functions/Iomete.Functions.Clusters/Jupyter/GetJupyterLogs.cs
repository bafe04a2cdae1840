using Iomete.Functions.Clusters.DataPlane;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Jupyter;

public sealed class GetJupyterLogs(ICallerAccessor callers, JupyterAccess access, IDataPlaneDiagnostics diagnostics)
{
    [Function("clusters-jupyter-logs")]
    [OpenApiOperation("Jupyter containers", "The JupyterLab log of a container's pod (VIEW)",
        Description = "pod: the pod name (from its events); tailLines and sinceSeconds narrow it. 404 when the pod is gone.")]
    [OpenApiQuery("pod", "The pod to read")]
    [OpenApiQuery("tailLines", "Only the last lines")]
    [OpenApiQuery("sinceSeconds", "Only the last seconds")]
    [OpenApiResponse(200, typeof(string))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/jupyter-containers/{id}/logs")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var pod = request.Query["pod"].ToString();
        var tail = int.TryParse(request.Query["tailLines"], out var t) && t > 0 ? t : (int?)null;
        var since = long.TryParse(request.Query["sinceSeconds"], out var s) && s > 0 ? s : (long?)null;
        var container = await access.RequireAsync(caller, domain, id, JupyterAccess.View, ct);
        if (!pod.StartsWith(container.ObjectName + "-", StringComparison.Ordinal))
            throw ValidationException.ForField("pod", $"must be a pod of the container (named {container.ObjectName}-…).");
        var log = await diagnostics.ReadPodLogAsync(container.Namespace, pod, tail, since, ct) ?? throw new NotFoundException("Pod", pod);
        return new ContentResult { Content = log, ContentType = "text/plain; charset=utf-8", StatusCode = 200 };
    }
}
