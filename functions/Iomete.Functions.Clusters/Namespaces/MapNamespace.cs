using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Namespaces;

public sealed class MapNamespace(
    ICallerAccessor callers, IAccessControl access, NamespaceAccess namespaces, NamespaceStore store, BundleDirectory bundles, IAssetRegistry assets)
{
    [Function("clusters-admin-namespaces-map")]
    [OpenApiOperation("Namespaces", "Map a namespace to a resource bundle (or remove the mapping with a null id)",
        Description = "Once mapped, deploying into the namespace needs the bundle's USE permission.")]
    [OpenApiRequestBody(typeof(MapNamespaceRequest))]
    [OpenApiResponse(200, typeof(NamespaceView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/namespaces/{namespace}")] HttpRequest request,
        string @namespace,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager);
        var body = await RequestBody.ReadAsync<MapNamespaceRequest>(request, ct);
        namespaces.RequireKnown(@namespace);

        var isDefault = @namespace == namespaces.Allowed[0];
        if (string.IsNullOrWhiteSpace(body.ResourceBundleId))
        {
            await assets.UnregisterAsync(AssetType.Namespace, @namespace, ct);
            await store.RemoveAsync(@namespace, ct);
            return ApiResults.Ok(new NamespaceView(@namespace, isDefault, null));
        }
        var bundle = await bundles.FindAsync(body.ResourceBundleId, ct)
                     ?? throw ValidationException.ForField("resourceBundleId", $"bundle '{body.ResourceBundleId}' does not exist");
        if (bundle.BundleType != "RESOURCE")
        {
            throw ValidationException.ForField("resourceBundleId", $"bundle '{bundle.Name}' is a {bundle.BundleType} bundle; a namespace goes in a resource bundle");
        }
        if (bundle.Archived)
        {
            throw new ConflictException($"Bundle '{bundle.Name}' is archived; restore it first.");
        }
        // One bundle per namespace: the asset leaves its old bundle before it joins the new one.
        await assets.UnregisterAsync(AssetType.Namespace, @namespace, ct);
        await assets.RegisterAsync(caller, bundle.Domain, bundle.Id, AssetType.Namespace, @namespace, ct);
        var mapping = await store.SetAsync(@namespace, bundle.Domain, bundle.Id, caller.Username, ct);
        return ApiResults.Ok(new NamespaceView(@namespace, isDefault, NamespaceBundleView.From(mapping)));
    }
}
