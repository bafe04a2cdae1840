using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Platform.Security;

namespace Iomete.Functions.Clusters.SparkHistory;

/// <summary>
/// Who may see which Spark UI page. The pages of one application need VIEW on the compute cluster or Spark job that ran it
/// (read from its <see cref="SparkAppIds">application id</see>); an application id we did not make, and the pages that
/// span applications (the list, the version), are for admins who may read compute resources. Static files (CSS, JS) are
/// for anyone signed in.
/// </summary>
public sealed class SparkUiAccess(IAccessControl access)
{
    public const string View = "VIEW";

    public enum PageKind
    {
        Static,
        Application,
        Global,
    }

    /// <summary>What a history-server path shows, and for an application page, its id.</summary>
    public static (PageKind Kind, string? AppId) ClassifyHistoryPath(string? path)
    {
        var segments = (path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length >= 1 && segments[0] == "static")
            return (PageKind.Static, null);
        if (segments.Length >= 2 && segments[0] == "history")
            return (PageKind.Application, segments[1]);
        if (segments.Length >= 4 && segments[0] == "api" && segments[2] == "applications")
            return (PageKind.Application, segments[3]);
        return (PageKind.Global, null);
    }

    public async Task RequireAsync(Caller caller, PageKind kind, string? appId, CancellationToken ct)
    {
        if (kind == PageKind.Static)
            return;
        if (kind == PageKind.Application && SparkAppIds.TryParse(appId, out var type, out var resourceId))
        {
            var asset = type == ManagedResourceType.Compute ? AssetType.Compute : AssetType.SparkJob;
            await access.RequireAssetPermissionAsync(caller, asset, resourceId, View, ct);
            return;
        }
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager, forRead: true);
    }
}
