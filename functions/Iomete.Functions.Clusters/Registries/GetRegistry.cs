using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Registries;

public sealed class GetRegistry(ICallerAccessor callers, IAccessControl access, RegistryStore store)
{
    [Function("clusters-admin-registries-get")]
    [OpenApiOperation("Docker registries", "Get a private docker registry (without its password)")]
    [OpenApiResponse(200, typeof(RegistryView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/docker/registries/{name}")] HttpRequest request,
        string name,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager, forRead: true);
        return ApiResults.Ok(await store.GetAsync(name, ct) ?? throw new NotFoundException("Docker registry", name));
    }
}
