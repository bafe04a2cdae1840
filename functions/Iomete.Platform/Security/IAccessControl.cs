namespace Iomete.Platform.Security;

/// <summary>
/// Authorization decisions. Every check that fails throws a 403
/// <see cref="Errors.ForbiddenException"/>, which the audit log records as a denial.
/// </summary>
public interface IAccessControl
{
    /// <summary>Requires an admin role; <paramref name="forRead"/> also admits READ_ONLY_ADMIN.</summary>
    void RequireAdminRole(Caller caller, AdminRole role, bool forRead = false);

    /// <summary>Requires a domain-bundle permission (owners and domain managers always pass).</summary>
    Task RequireDomainPermissionAsync(Caller caller, string domainId, string permission, CancellationToken ct);

    /// <summary>True when the caller may act in the domain at all (member of any bundle, owner or manager).</summary>
    Task<bool> CanAccessDomainAsync(Caller caller, string domainId, CancellationToken ct);

    /// <summary>Requires a permission on one resource through the bundle that holds it.</summary>
    Task RequireAssetPermissionAsync(Caller caller, AssetType type, string assetId, string permission, CancellationToken ct);

    /// <summary>
    /// True when the caller owns the domain (the user or one of its groups) or manages every domain (DOMAIN_MANAGER,
    /// super admin): who may see what every member of the domain does (their queries, for instance).
    /// </summary>
    Task<bool> OwnsDomainAsync(Caller caller, string domainId, CancellationToken ct) =>
        Task.FromResult(caller.HasAdminRole(AdminRole.DomainManager));
}
