using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Namespaces;

public sealed class ListAdminNamespaces(ICallerAccessor callers, IAccessControl access, NamespaceAccess namespaces, NamespaceStore store)
{
    [Function("clusters-admin-namespaces-list")]
    [OpenApiOperation("Namespaces", "List every data-plane namespace with its resource bundle mapping")]
    [OpenApiResponse(200, typeof(List<NamespaceView>))]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/namespaces")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager, forRead: true);
        var mappings = await store.AllAsync(ct);
        var first = namespaces.Allowed[0];
        return ApiResults.Ok(namespaces.Allowed
            .Select(n => new NamespaceView(n, n == first, NamespaceBundleView.From(mappings.GetValueOrDefault(n))))
            .ToList());
    }
}
