using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Clusters.Notifications;

/// <summary>A job's notifications follow the job's own permissions: VIEW to read them, UPDATE to change them.</summary>
public sealed class JobNotificationAccess(IAccessControl access)
{
    public const string View = "VIEW";
    public const string Update = "UPDATE";

    public async Task RequireAsync(Caller caller, string domain, string jobId, string permission, CancellationToken ct)
    {
        if (!await access.CanAccessDomainAsync(caller, domain, ct))
        {
            throw new ForbiddenException($"Access to domain '{domain}' is required.");
        }
        await access.RequireAssetPermissionAsync(caller, AssetType.SparkJob, jobId, permission, ct);
    }
}
