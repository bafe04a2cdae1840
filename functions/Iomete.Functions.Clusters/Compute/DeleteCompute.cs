using Iomete.Functions.Clusters.Actors;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Compute;

public sealed class DeleteCompute(
    ICallerAccessor callers, ComputeAccess access, IAssetRegistry assets, ComputeClusterStore store, ComputeActors actors)
{
    [Function("clusters-compute-delete")]
    [OpenApiOperation("Compute clusters", "Delete a compute cluster (DELETE; any state)",
        Description = "Deletes its SparkApplication and driver Service, its activity log and its reminders. 'local' cannot be deleted (409).")]
    [OpenApiResponse(204)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v2/domains/{domain}/compute/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        if (LocalCompute.Is(id))
        {
            throw new ConflictException("The compute 'local' is the embedded engine; it cannot be deleted.");
        }
        var cluster = await access.RequireAsync(caller, domain, id, ComputeAccess.Delete, ct);
        await actors.Get(cluster.Id).DeactivateAsync(ct);
        await store.DeleteAsync(cluster.Id, ct);
        await assets.UnregisterAsync(AssetType.Compute, cluster.Id, ct);
        actors.Forget(cluster.Id);
        return ApiResults.NoContent();
    }
}
