using Iomete.Functions.Identity.Access;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.Bundles;

/// <summary>Which permissions a bundle can hold: DOMAIN permissions in DOMAIN bundles only, asset permissions in resource bundles.</summary>
internal static class PermissionRules
{
    public static void RequireFits(BundleRecord bundle, AssetType type, string field)
    {
        if (type == AssetType.Domain && !bundle.IsDomainBundle)
        {
            throw ValidationException.ForField(field, "DOMAIN permissions can only be granted in the domain's DOMAIN bundle");
        }
        if (type != AssetType.Domain && bundle.IsDomainBundle)
        {
            throw ValidationException.ForField(field, $"a DOMAIN bundle holds no assets; grant {type.Name()} permissions in a resource bundle");
        }
    }

    public static void RequireLive(BundleRecord bundle)
    {
        if (bundle.Archived)
        {
            throw new ConflictException($"Bundle '{bundle.Name}' is archived; restore it first.");
        }
    }
}
