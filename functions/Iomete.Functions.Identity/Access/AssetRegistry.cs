using Iomete.Functions.Identity.Bundles;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.Access;

/// <summary>Places the resources other services create in bundles, and takes deleted ones out.</summary>
internal sealed class AssetRegistry(BundleStore bundles, BundleAssetStore assets, BundleGuard guard) : IAssetRegistry
{
    public async Task RegisterAsync(Caller caller, string domainId, string bundleId, AssetType type, string assetId, CancellationToken ct)
    {
        var bundle = await bundles.FindAsync(bundleId, ct) ?? throw new NotFoundException("Bundle", bundleId);
        if (bundle.DomainId != domainId)
        {
            throw ValidationException.ForField("bundleId", $"bundle '{bundle.Name}' belongs to domain '{bundle.DomainId}', not '{domainId}'");
        }
        AssetPlacement.RequireAssetBundle(bundle, type);
        if (!await guard.CanUseAsync(caller, bundle, type, ct))
        {
            throw new ForbiddenException($"Placing a {type.Name()} in bundle '{bundle.Name}' requires owning it or holding a {type.Name()} permission in it.");
        }
        await assets.AddAsync(bundleId, type, assetId, caller.Username, ct);
    }

    public async Task UnregisterAsync(AssetType type, string assetId, CancellationToken ct) =>
        await assets.RemoveAsync(bundleId: null, type, assetId, ct);
}
