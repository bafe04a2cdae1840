using Iomete.Functions.Identity.Users;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.Tokens;

/// <summary>
/// Who may manage a service account's tokens inside a domain: an IAM manager, or a user with the
/// domain's MANAGE_ACCESS_TOKEN permission who shares a group with the service account.
/// </summary>
internal static class DomainTokenAccess
{
    public static async Task<User> RequireAsync(
        Caller caller, string domain, string serviceAccountId, IAccessControl access, AccessTokenOperations operations, CancellationToken ct)
    {
        if (caller.HasAdminRole(AdminRole.IamManager))
        {
            return await operations.RequireServiceAccountAsync(serviceAccountId, ct);
        }
        await access.RequireDomainPermissionAsync(caller, domain, DomainPermission.ManageAccessToken, ct);
        var account = await operations.RequireServiceAccountAsync(serviceAccountId, ct);
        await operations.RequireSharedGroupAsync(caller, account, ct);
        return account;
    }
}
