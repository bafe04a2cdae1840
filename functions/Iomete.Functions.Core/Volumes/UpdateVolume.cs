using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.Volumes;

public sealed class UpdateVolume(ICallerAccessor callers, IAccessControl access, VolumeStore store)
{
    [Function("core-volumes-update")]
    [OpenApiOperation("Volumes", "Replace a volume's definition (the name cannot change)")]
    [OpenApiRequestBody(typeof(VolumeRequest))]
    [OpenApiResponse(200, typeof(VolumeView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/volumes/{name}")] HttpRequest request,
        string name,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager);
        var spec = VolumeRules.Validate(await RequestBody.ReadAsync<VolumeRequest>(request, ct), existingName: name);
        return ApiResults.Ok(await store.UpdateAsync(spec, ct) ?? throw new NotFoundException("Volume", name));
    }
}
