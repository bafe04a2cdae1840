using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.Bundles;

/// <summary>Assets live in resource bundles; domains are not assets of any bundle.</summary>
internal static class AssetPlacement
{
    public static void RequireAssetBundle(BundleRecord bundle, AssetType type)
    {
        if (type == AssetType.Domain)
        {
            throw ValidationException.ForField("assetType", "a domain is not an asset of a bundle");
        }
        if (bundle.IsDomainBundle)
        {
            throw ValidationException.ForField("bundleId", $"the DOMAIN bundle of '{bundle.DomainId}' holds no assets; use a resource bundle");
        }
        if (bundle.Archived)
        {
            throw new ConflictException($"Bundle '{bundle.Name}' is archived; restore it first.");
        }
    }
}
