using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Iomete.Workflows.Pipelines;

namespace Iomete.Functions.Orchestrator.Pipelines;

/// <summary>
/// Who may do what with a pipeline: the caller must be in the pipeline's domain; each action needs its RAS permission on the
/// pipeline (VIEW, UPDATE, DELETE, RUN) through the bundle that holds it; domain owners and managers pass.
/// </summary>
public sealed class PipelineAccess(IAccessControl access, PipelineStore store)
{
    public const string View = "VIEW";
    public const string Update = "UPDATE";
    public const string Delete = "DELETE";
    public const string Run = "RUN";

    public async Task RequireDomainAsync(Caller caller, string domain, CancellationToken ct)
    {
        await access.RequireDomainAccessAsync(caller, domain, ct);
    }

    /// <summary>The pipeline of that id in the domain (404 otherwise), after checking the caller holds <paramref name="permission"/> on it.</summary>
    public async Task<Pipeline> RequireAsync(Caller caller, string domain, string id, string permission, CancellationToken ct)
    {
        await RequireDomainAsync(caller, domain, ct);
        var pipeline = await store.GetAsync(id, ct);
        if (pipeline is null || pipeline.DomainId != domain)
        {
            throw new NotFoundException("Pipeline", id);
        }
        await access.RequireAssetPermissionAsync(caller, AssetType.Pipeline, id, permission, ct);
        return pipeline;
    }

    public async Task<bool> AllowsAsync(Caller caller, string id, string permission, CancellationToken ct)
    {
        try
        {
            await access.RequireAssetPermissionAsync(caller, AssetType.Pipeline, id, permission, ct);
            return true;
        }
        catch (ForbiddenException)
        {
            return false;
        }
    }

    /// <summary>Super admins and domain managers see every pipeline without per-pipeline checks.</summary>
    public static bool SeesEverything(Caller caller) => caller.HasAdminRole(AdminRole.DomainManager);
}
