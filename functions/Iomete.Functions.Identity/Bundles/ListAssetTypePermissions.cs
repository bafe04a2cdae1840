using Iomete.Functions.Identity.Access;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Bundles;

public sealed record AssetTypePermissionsView(AssetType AssetType, IReadOnlyList<string> Permissions);

public sealed class ListAssetTypePermissions(ICallerAccessor callers)
{
    [Function("identity-bundles-asset-type-permissions")]
    [OpenApiOperation("Resource bundles", "The permissions an asset type knows")]
    [OpenApiResponse(200, typeof(AssetTypePermissionsView))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/bundles/assetTypes/{assetType}/permissions")] HttpRequest request,
        string assetType,
        CancellationToken ct)
    {
        await callers.RequireAsync(request, ct);
        var type = AssetTypeNames.Parse(assetType, "assetType");
        return ApiResults.Ok(new AssetTypePermissionsView(type, AssetPermissions.For(type)));
    }
}
