using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Clusters.Compute;

/// <summary>
/// Who may do what with a cluster: the caller must be in its domain, and each action needs its RAS permission (VIEW,
/// UPDATE, DELETE, EXECUTE, CONSUME) through the bundle that holds it; domain owners and managers pass.
/// </summary>
public sealed class ComputeAccess(IAccessControl access, ComputeClusterStore store)
{
    public const string View = "VIEW";
    public const string Update = "UPDATE";
    public const string Delete = "DELETE";
    public const string Execute = "EXECUTE";
    public const string Consume = "CONSUME";

    public async Task RequireDomainAsync(Caller caller, string domain, CancellationToken ct)
    {
        await access.RequireDomainAccessAsync(caller, domain, ct);
    }

    public Task RequireCreateAsync(Caller caller, string domain, CancellationToken ct) =>
        access.RequireDomainPermissionAsync(caller, domain, DomainPermission.CreateCompute, ct);

    /// <summary>The cluster of that id or name in the domain (404 otherwise), after checking <paramref name="permission"/> on it.</summary>
    public async Task<ComputeCluster> RequireAsync(Caller caller, string domain, string idOrName, string permission, CancellationToken ct)
    {
        await RequireDomainAsync(caller, domain, ct);
        var cluster = await store.FindAsync(domain, idOrName, ct) ?? throw new NotFoundException("Compute cluster", idOrName);
        await access.RequireAssetPermissionAsync(caller, AssetType.Compute, cluster.Id, permission, ct);
        return cluster;
    }

    public async Task<bool> AllowsAsync(Caller caller, string clusterId, string permission, CancellationToken ct)
    {
        try
        {
            await access.RequireAssetPermissionAsync(caller, AssetType.Compute, clusterId, permission, ct);
            return true;
        }
        catch (ForbiddenException)
        {
            return false;
        }
    }

    public static bool SeesEverything(Caller caller) => caller.HasAdminRole(AdminRole.DomainManager);
}
