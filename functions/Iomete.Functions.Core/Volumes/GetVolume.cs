using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.Volumes;

public sealed class GetVolume(ICallerAccessor callers, IAccessControl access, VolumeStore store)
{
    [Function("core-volumes-get")]
    [OpenApiOperation("Volumes", "Read a volume")]
    [OpenApiResponse(200, typeof(VolumeView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/volumes/{name}")] HttpRequest request,
        string name,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager, forRead: true);
        return ApiResults.Ok(await store.FindAsync(name, ct) ?? throw new NotFoundException("Volume", name));
    }
}
