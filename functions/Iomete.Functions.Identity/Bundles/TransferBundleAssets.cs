using System.ComponentModel.DataAnnotations;
using Iomete.Functions.Identity.Access;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ValidationException = Iomete.Platform.Errors.ValidationException;

namespace Iomete.Functions.Identity.Bundles;

/// <summary>Assets to move to another bundle of the same domain.</summary>
public sealed record TransferBundleAssetsRequest([property: Required] string TargetBundleId, [property: Required] IReadOnlyList<AssetRef> Assets);

public sealed class TransferBundleAssets(ICallerAccessor callers, BundleGuard guard, BundleStore bundles, BundleAssetStore assets)
{
    [Function("identity-bundles-assets-transfer")]
    [OpenApiOperation("Resource bundles", "Move assets to another bundle (owner of both)")]
    [OpenApiRequestBody(typeof(TransferBundleAssetsRequest))]
    [OpenApiResponse(204)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/bundles/{bundleId}/assets/transfer")] HttpRequest request,
        string bundleId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);

        var body = await RequestBody.ReadAsync<TransferBundleAssetsRequest>(request, ct);
        if (body.Assets.Count == 0)
        {
            throw ValidationException.ForField("assets", "name at least one asset");
        }
        if (body.TargetBundleId == bundleId)
        {
            throw ValidationException.ForField("targetBundleId", "must differ from the source bundle");
        }
        var moving = body.Assets
            .Select((a, i) => a is null
                ? throw ValidationException.ForField($"assets[{i}]", "must be an object with assetType and assetId")
                : (Type: AssetTypeNames.Parse(a.AssetType, $"assets[{i}].assetType"), Id: a.AssetId.Trim()))
            .Distinct()
            .ToList();
        var source = await bundles.GetAsync(bundleId, ct);
        var target = await bundles.GetAsync(body.TargetBundleId, ct);
        if (target.DomainId != source.DomainId)
        {
            throw ValidationException.ForField("targetBundleId", $"the target bundle is in domain '{target.DomainId}', not '{source.DomainId}'");
        }
        foreach (var (type, _) in moving)
        {
            AssetPlacement.RequireAssetBundle(target, type);
        }

        await guard.RequireManageAsync(caller, source, ct);
        await guard.RequireManageAsync(caller, target, ct);

        await assets.TransferAsync(bundleId, target.Id, moving, ct);
        return ApiResults.NoContent();
    }
}
