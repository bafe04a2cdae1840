using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Registries;

public sealed class ListRegistries(ICallerAccessor callers, IAccessControl access, RegistryStore store)
{
    [Function("clusters-admin-registries-list")]
    [OpenApiOperation("Docker registries", "List private docker registries")]
    [OpenApiResponse(200, typeof(List<RegistryView>))]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/docker/registries")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager, forRead: true);
        return ApiResults.Ok(await store.ListAsync(ct));
    }
}
