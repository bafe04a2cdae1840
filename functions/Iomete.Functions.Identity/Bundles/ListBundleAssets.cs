using Iomete.Functions.Identity.Access;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Bundles;

public sealed class ListBundleAssets(ICallerAccessor callers, BundleGuard guard, BundleStore bundles, BundleAssetStore assets)
{
    private static readonly Dictionary<string, string> Sortable = new()
    {
        ["assetId"] = "asset_id",
        ["assetType"] = "asset_type",
        ["addedAt"] = "added_at_ms",
    };

    [Function("identity-bundles-assets-list")]
    [OpenApiOperation("Resource bundles", "List the assets in a bundle")]
    [OpenApiQuery("assetType", "Only assets of this type")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<AssetView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/bundles/{bundleId}/assets")] HttpRequest request,
        string bundleId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var query = ListQuery.From(request, Sortable, "assetId");
        var typeFilter = request.Query["assetType"].ToString();
        var type = typeFilter.Length == 0 ? (AssetType?)null : AssetTypeNames.Parse(typeFilter, "assetType");
        var bundle = await bundles.GetAsync(bundleId, ct);
        await guard.RequireSeeAsync(caller, bundle, ct);
        return ApiResults.Ok(await assets.ListAsync(bundleId, type, query, ct));
    }
}
