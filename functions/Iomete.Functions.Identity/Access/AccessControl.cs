using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.Access;

/// <summary>
/// IOMETE's decision rules: super admins and domain managers pass everything domain-related;
/// domain owners (the user, or a group the caller is in) pass everything in their domain; other
/// callers need the permission in the DOMAIN bundle (domain permissions) or in the bundle that
/// holds the asset (asset permissions), granted to them or to one of their groups.
/// </summary>
internal sealed class AccessControl(AccessQueries queries) : IAccessControl
{
    public void RequireAdminRole(Caller caller, AdminRole role, bool forRead = false)
    {
        if (!caller.HasAdminRole(role, forRead))
        {
            throw new ForbiddenException($"The admin role {RoleName(role)} is required.");
        }
    }

    public async Task RequireDomainPermissionAsync(Caller caller, string domainId, string permission, CancellationToken ct)
    {
        if (!DomainPermission.All.Contains(permission))
        {
            throw new ArgumentException($"'{permission}' is not a domain permission.", nameof(permission));
        }
        var privileged = IsDomainManager(caller);
        var facts = await queries.DomainAsync(caller, domainId, privileged ? null : permission, withMembership: false, ct);
        if (facts.Exists == 0)
        {
            throw new NotFoundException("Domain", domainId);
        }
        if (!privileged && facts.Owner == 0 && facts.Granted == 0)
        {
            throw new ForbiddenException($"The domain permission {permission} in domain '{domainId}' is required.");
        }
    }

    public async Task<bool> CanAccessDomainAsync(Caller caller, string domainId, CancellationToken ct)
    {
        var privileged = IsDomainManager(caller);
        var facts = await queries.DomainAsync(caller, domainId, permission: null, withMembership: !privileged, ct);
        return facts.Exists > 0 && (privileged || facts.Owner > 0 || facts.Member > 0);
    }

    public async Task RequireAssetPermissionAsync(Caller caller, AssetType type, string assetId, string permission, CancellationToken ct)
    {
        if (!AssetPermissions.IsValid(type, permission))
        {
            throw new ArgumentException($"'{permission}' is not a permission of {type.Name()}.", nameof(permission));
        }
        if (IsDomainManager(caller))
        {
            return;
        }
        var facts = await queries.AssetAsync(caller, type, assetId, permission, ct);
        if (facts is null)
        {
            throw new ForbiddenException($"The permission {permission} on {type.Name()} '{assetId}' is required (the asset is in no resource bundle).");
        }
        if (facts.DomainOwner == 0 && facts.Granted == 0 && !AccessQueries.IsCaller(caller, facts.OwnerType, facts.OwnerId))
        {
            throw new ForbiddenException($"The permission {permission} on {type.Name()} '{assetId}' is required.");
        }
    }

    public async Task<bool> OwnsDomainAsync(Caller caller, string domainId, CancellationToken ct)
    {
        if (IsDomainManager(caller))
        {
            return true;
        }
        var facts = await queries.DomainAsync(caller, domainId, permission: null, withMembership: false, ct);
        return facts.Exists > 0 && facts.Owner > 0;
    }

    /// <summary>Super admins and DOMAIN_MANAGERs own every domain.</summary>
    public static bool IsDomainManager(Caller caller, bool forRead = false) => caller.HasAdminRole(AdminRole.DomainManager, forRead);

    private static string RoleName(AdminRole role) => System.Text.Json.JsonNamingPolicy.SnakeCaseUpper.ConvertName(role.ToString());
}
