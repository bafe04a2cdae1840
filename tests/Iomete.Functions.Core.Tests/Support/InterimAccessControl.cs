using System.Text.Json;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Core.Tests.Support;

/// <summary>
/// Admin-role checks only, for running the Core functions before the identity service's
/// IAccessControl is merged; registered with TryAdd, so the real one wins once it exists.
/// Domain checks admit only the super admin.
/// </summary>
internal sealed class InterimAccessControl : IAccessControl
{
    public void RequireAdminRole(Caller caller, AdminRole role, bool forRead = false)
    {
        if (!caller.HasAdminRole(role, forRead))
        {
            throw new ForbiddenException($"This needs the admin role {JsonNamingPolicy.SnakeCaseUpper.ConvertName(role.ToString())}.");
        }
    }

    public Task RequireDomainPermissionAsync(Caller caller, string domainId, string permission, CancellationToken ct) =>
        caller.IsSuperAdmin ? Task.CompletedTask : throw new ForbiddenException($"No {permission} in domain '{domainId}'.");

    public Task<bool> CanAccessDomainAsync(Caller caller, string domainId, CancellationToken ct) => Task.FromResult(caller.IsSuperAdmin);

    public Task RequireAssetPermissionAsync(Caller caller, AssetType type, string assetId, string permission, CancellationToken ct) =>
        caller.IsSuperAdmin ? Task.CompletedTask : throw new ForbiddenException($"No {permission} on {type} '{assetId}'.");
}
