using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.Volumes;

public sealed class ListVolumes(ICallerAccessor callers, IAccessControl access, VolumeStore store)
{
    [Function("core-volumes-list")]
    [OpenApiOperation("Volumes", "List volumes")]
    [OpenApiPaged]
    [OpenApiQuery("type", "Only volumes of this type (HOST_PATH, ON_DEMAND_PVC, TMPFS, EMPTY_DIR, NFS)")]
    [OpenApiResponse(200, typeof(Page<VolumeView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/volumes")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager, forRead: true);
        var query = ListQuery.From(request, VolumeStore.Sortable, "name");
        var rawType = request.Query["type"].ToString();
        VolumeType? type = null;
        if (rawType.Length > 0)
        {
            type = VolumeRules.FromCode(rawType.ToUpperInvariant())
                   ?? throw ValidationException.ForField("type", "must be HOST_PATH, ON_DEMAND_PVC, TMPFS, EMPTY_DIR or NFS");
        }
        return ApiResults.Ok(await store.ListAsync(query, type, ct));
    }
}
