using Iomete.Functions.Identity.Users;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.Tokens;

/// <summary>
/// Who may manage a service account's tokens inside a domain: an IAM manager, or a user with the
/// domain's MANAGE_ACCESS_TOKEN permission who shares a group with the service account.
/// Domain permissions come from the registered <see cref="IAccessControl"/> (the last one, as DI
/// resolves it); a host without one refuses, so the routes never fail open or fail to start.
/// </summary>
internal static class DomainTokenAccess
{
    public static async Task<User> RequireAsync(
        Caller caller, string domain, string serviceAccountId, IEnumerable<IAccessControl> access, AccessTokenOperations operations, CancellationToken ct)
    {
        if (caller.HasAdminRole(AdminRole.IamManager))
        {
            return await operations.RequireServiceAccountAsync(serviceAccountId, ct);
        }
        var control = access.LastOrDefault() ?? throw new ForbiddenException("Domain permissions are not available on this host.");
        await control.RequireDomainPermissionAsync(caller, domain, DomainPermission.ManageAccessToken, ct);
        var account = await operations.RequireServiceAccountAsync(serviceAccountId, ct);
        await operations.RequireSharedGroupAsync(caller, account, ct);
        return account;
    }
}
