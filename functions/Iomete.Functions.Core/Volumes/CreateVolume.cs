using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.Volumes;

public sealed class CreateVolume(ICallerAccessor callers, IAccessControl access, VolumeStore store)
{
    [Function("core-volumes-create")]
    [OpenApiOperation("Volumes", "Create a volume")]
    [OpenApiRequestBody(typeof(VolumeRequest))]
    [OpenApiResponse(201, typeof(VolumeView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(409, Description = "A volume with that name exists")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/volumes")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager);
        var spec = VolumeRules.Validate(await RequestBody.ReadAsync<VolumeRequest>(request, ct), existingName: null);
        var created = await store.CreateAsync(spec, ct);
        return ApiResults.Created(created, $"/api/v1/admin/volumes/{created.Name}");
    }
}
