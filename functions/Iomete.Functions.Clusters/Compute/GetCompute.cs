using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Compute;

public sealed class GetCompute(ICallerAccessor callers, ComputeAccess access, LocalCompute local)
{
    [Function("clusters-compute-get")]
    [OpenApiOperation("Compute clusters", "Read a compute cluster by id or name (VIEW)",
        Description = "'local' is the embedded engine; its settings come from the SQL service.")]
    [OpenApiResponse(200, typeof(ComputeClusterView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/compute/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        if (LocalCompute.Is(id))
        {
            return await local.ForwardAsync(request, HttpMethod.Get, domain, null, ct);
        }
        var cluster = await access.RequireAsync(caller, domain, id, ComputeAccess.View, ct);
        return ApiResults.Ok(ComputeClusterView.From(cluster));
    }
}
