using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Platform.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.StorageBrowser;

public sealed class DeleteObject(ICallerAccessor callers, IAccessControl access, IObjectStore store)
{
    [Function("core-storage-objects-delete")]
    [OpenApiOperation("Storage browser", "Delete an object")]
    [OpenApiQuery("key", "Object key relative to the warehouse root", Required = true)]
    [OpenApiResponse(204)]
    [OpenApiResponse(400)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/storage/objects")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager);
        var key = StorageKeys.RequireKey(request);
        _ = await store.HeadAsync(key, ct) ?? throw new NotFoundException("Object", key);
        await store.DeleteAsync(key, ct);
        return ApiResults.NoContent();
    }
}
