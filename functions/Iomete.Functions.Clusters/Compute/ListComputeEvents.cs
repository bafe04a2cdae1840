using Iomete.Functions.Clusters.DataPlane;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Compute;

/// <summary>The Kubernetes-events tab with its warning badge.</summary>
public sealed record ComputeEventsView(IReadOnlyList<KubernetesEventView> Items, int Total, int Warnings);

public sealed class ListComputeEvents(ICallerAccessor callers, ComputeAccess access, IDataPlaneDiagnostics diagnostics)
{
    [Function("clusters-compute-events")]
    [OpenApiOperation("Compute clusters", "Kubernetes events of a compute cluster's SparkApplication and driver pod (VIEW), newest first")]
    [OpenApiResponse(200, typeof(ComputeEventsView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/compute/{id}/events")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var cluster = await access.RequireAsync(caller, domain, id, ComputeAccess.View, ct);
        var events = await diagnostics.ListEventsAsync(
            cluster.Namespace, ComputeApplications.ApplicationName(cluster.Id), [ComputeApplications.DriverPod(cluster.Id)], ct);
        var warnings = events.Count(e => string.Equals(e.Type, "Warning", StringComparison.OrdinalIgnoreCase));
        return ApiResults.Ok(new ComputeEventsView(events, events.Count, warnings));
    }
}
