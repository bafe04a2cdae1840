using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.Volumes;

public sealed class DeleteVolume(ICallerAccessor callers, IAccessControl access, VolumeStore store)
{
    [Function("core-volumes-delete")]
    [OpenApiOperation("Volumes", "Delete a volume")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/volumes/{name}")] HttpRequest request,
        string name,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager);
        if (!await store.DeleteAsync(name, ct))
        {
            throw new NotFoundException("Volume", name);
        }
        return ApiResults.NoContent();
    }
}
