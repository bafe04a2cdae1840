using Iomete.Functions.Identity.Access;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Bundles;

public sealed class RemoveBundleAsset(ICallerAccessor callers, BundleGuard guard, BundleStore bundles, BundleAssetStore assets)
{
    [Function("identity-bundles-assets-remove")]
    [OpenApiOperation("Resource bundles", "Take an asset out of a bundle")]
    [OpenApiResponse(204)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/bundles/{bundleId}/assets/{assetType}/{assetId}")] HttpRequest request,
        string bundleId,
        string assetType,
        string assetId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var type = AssetTypeNames.Parse(assetType, "assetType");
        var bundle = await bundles.GetAsync(bundleId, ct);
        await guard.RequireManageAsync(caller, bundle, ct);
        if (!await assets.RemoveAsync(bundleId, type, assetId, ct))
        {
            throw new NotFoundException($"{type.Name()} asset in bundle '{bundle.Name}'", assetId);
        }
        return ApiResults.NoContent();
    }
}
