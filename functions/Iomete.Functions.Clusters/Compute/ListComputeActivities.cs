using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Compute;

public sealed class ListComputeActivities(ICallerAccessor callers, ComputeAccess access, ComputeActivityLog activities)
{
    public const int PageSize = 20;

    [Function("clusters-compute-activities")]
    [OpenApiOperation("Compute clusters", "The activity log of a compute cluster (VIEW), newest first",
        Description = "START, TERMINATE, RESTART, CONFIGURE (with the user), AUTO_SUSPEND, AUTO_RESTART and FAILURE (the platform: no user); 20 per page.")]
    [OpenApiQuery("offset", "Skip this many entries", Type = "integer")]
    [OpenApiQuery("limit", "Entries per page (1-100, default 20)", Type = "integer")]
    [OpenApiResponse(200, typeof(Page<ComputeActivity>))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/compute/{id}/activities")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var offset = ListQuery.ReadInt(request, "offset", 0, 0, int.MaxValue);
        var limit = ListQuery.ReadInt(request, "limit", PageSize, 1, 100);
        var cluster = await access.RequireAsync(caller, domain, id, ComputeAccess.View, ct);
        return ApiResults.Ok(await activities.ListAsync(cluster.Id, offset, limit, ct));
    }
}
