using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Clusters.Jupyter;

/// <summary>
/// Who may do what with a container: the caller must be in its domain, and each action needs its RAS permission
/// (VIEW, UPDATE, DELETE, RUN) through the bundle that holds it; domain owners and managers pass.
/// </summary>
public sealed class JupyterAccess(IAccessControl access, JupyterStore store)
{
    public const string View = "VIEW";
    public const string Update = "UPDATE";
    public const string Delete = "DELETE";
    public const string Run = "RUN";

    /// <summary>The domain permission to create a container (IOMETE's "Create Jupyter Container").</summary>
    public const string Create = DomainPermission.CreateJupyterContainer;

    public Task RequireDomainAsync(Caller caller, string domain, CancellationToken ct) => access.RequireDomainAccessAsync(caller, domain, ct);

    public Task RequireCreateAsync(Caller caller, string domain, CancellationToken ct) =>
        access.RequireDomainPermissionAsync(caller, domain, Create, ct);

    /// <summary>The container of that id in the domain (404 otherwise), after checking the caller holds <paramref name="permission"/> on it.</summary>
    public async Task<JupyterContainer> RequireAsync(Caller caller, string domain, string id, string permission, CancellationToken ct)
    {
        await RequireDomainAsync(caller, domain, ct);
        var container = await store.GetAsync(id, ct);
        if (container is null || container.DomainId != domain)
            throw new NotFoundException("Jupyter container", id);
        await access.RequireAssetPermissionAsync(caller, AssetType.JupyterContainer, id, permission, ct);
        return container;
    }

    public async Task<bool> AllowsAsync(Caller caller, string id, string permission, CancellationToken ct)
    {
        try
        {
            await access.RequireAssetPermissionAsync(caller, AssetType.JupyterContainer, id, permission, ct);
            return true;
        }
        catch (ForbiddenException)
        {
            return false;
        }
    }

    public static bool SeesEverything(Caller caller) => caller.HasAdminRole(AdminRole.DomainManager);
}
