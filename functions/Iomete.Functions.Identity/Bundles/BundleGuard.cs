using Iomete.Functions.Identity.Access;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.Bundles;

/// <summary>
/// Who may see and manage a bundle. Managing (permissions, assets, owner) takes the bundle's
/// owner (the user, or a member of the owner group), a domain owner, a DOMAIN_MANAGER or the super
/// admin; seeing also admits members (anyone holding a permission in it) and READ_ONLY_ADMIN.
/// </summary>
public sealed class BundleGuard(AccessQueries queries)
{
    public async Task RequireManageAsync(Caller caller, BundleRecord bundle, CancellationToken ct)
    {
        if (AccessControl.IsDomainManager(caller) || AccessQueries.IsCaller(caller, bundle.OwnerType, bundle.OwnerId))
        {
            return;
        }
        var (domainOwner, _) = await queries.BundleAsync(caller, bundle.Id, bundle.DomainId, assetType: null, ct);
        if (!domainOwner)
        {
            throw new ForbiddenException(
                $"Managing bundle '{bundle.Name}' requires being its owner, an owner of domain '{bundle.DomainId}' or a DOMAIN_MANAGER.");
        }
    }

    public async Task RequireSeeAsync(Caller caller, BundleRecord bundle, CancellationToken ct)
    {
        if (AccessControl.IsDomainManager(caller, forRead: true) || AccessQueries.IsCaller(caller, bundle.OwnerType, bundle.OwnerId))
        {
            return;
        }
        var (domainOwner, member) = await queries.BundleAsync(caller, bundle.Id, bundle.DomainId, assetType: null, ct);
        if (!domainOwner && !member)
        {
            throw new ForbiddenException($"Viewing bundle '{bundle.Name}' requires a permission in it, owning it, or owning domain '{bundle.DomainId}'.");
        }
    }

    /// <summary>Whether the caller may place assets of <paramref name="type"/> in the bundle: managers, or members holding any permission of that type.</summary>
    public async Task<bool> CanUseAsync(Caller caller, BundleRecord bundle, AssetType type, CancellationToken ct)
    {
        if (AccessControl.IsDomainManager(caller) || AccessQueries.IsCaller(caller, bundle.OwnerType, bundle.OwnerId))
        {
            return true;
        }
        var (domainOwner, member) = await queries.BundleAsync(caller, bundle.Id, bundle.DomainId, type, ct);
        return domainOwner || member;
    }
}
