using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Registries;

public sealed class DeleteRegistry(ICallerAccessor callers, IAccessControl access, RegistryStore store, PullSecrets pullSecrets)
{
    [Function("clusters-admin-registries-delete")]
    [OpenApiOperation("Docker registries", "Delete a registry and its image-pull Secret")]
    [OpenApiResponse(204)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/docker/registries/{name}")] HttpRequest request,
        string name,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager);
        var current = await store.GetAsync(name, ct) ?? throw new NotFoundException("Docker registry", name);
        await store.DeleteAsync(name, ct);
        await pullSecrets.DeleteAsync(current, ct);
        return ApiResults.NoContent();
    }
}
