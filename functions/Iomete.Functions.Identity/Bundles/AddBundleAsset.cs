using System.ComponentModel.DataAnnotations;
using Iomete.Functions.Identity.Access;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Bundles;

/// <summary>An asset to place in a bundle.</summary>
public sealed record AddBundleAssetRequest([property: Required] string AssetType, [property: Required, StringLength(256, MinimumLength = 1)] string AssetId);

public sealed class AddBundleAsset(ICallerAccessor callers, BundleGuard guard, BundleStore bundles, BundleAssetStore assets)
{
    [Function("identity-bundles-assets-add")]
    [OpenApiOperation("Resource bundles", "Place an asset in a bundle")]
    [OpenApiRequestBody(typeof(AddBundleAssetRequest))]
    [OpenApiResponse(201, typeof(AssetView))]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/bundles/{bundleId}/assets")] HttpRequest request,
        string bundleId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);

        var body = await RequestBody.ReadAsync<AddBundleAssetRequest>(request, ct);
        var type = AssetTypeNames.Parse(body.AssetType, "assetType");
        var bundle = await bundles.GetAsync(bundleId, ct);
        AssetPlacement.RequireAssetBundle(bundle, type);

        await guard.RequireManageAsync(caller, bundle, ct);

        var added = await assets.AddAsync(bundleId, type, body.AssetId.Trim(), caller.Username, ct);
        return ApiResults.Created(added);
    }
}
