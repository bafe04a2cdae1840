using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Iomete.Workflows.Runs;

namespace Iomete.Functions.Orchestrator.Runs;

/// <summary>
/// Who may see or act on a run: domain managers (and read-only admins, for reads) every run of the domain; others through the
/// resource the run belongs to — the schedule, the pipeline or the job (VIEW to read, RUN to cancel) — or because they
/// started the run or it runs as them.
/// </summary>
public sealed class RunAccess(IAccessControl access)
{
    public const string View = "VIEW";
    public const string Run = "RUN";

    public static bool SeesEverything(Caller caller, bool forRead) => caller.HasAdminRole(AdminRole.DomainManager, forRead);

    public async Task RequireDomainAsync(Caller caller, string domain, CancellationToken ct)
    {
        await access.RequireDomainAccessAsync(caller, domain, ct);
    }

    public async Task RequireAsync(Caller caller, WorkflowRun run, string permission, CancellationToken ct)
    {
        if (!await AllowsAsync(caller, run, permission, ct))
        {
            throw new ForbiddenException($"You need {permission} on the {Owner(run).Type.ToString().ToLowerInvariant()} of run '{run.Id}'.");
        }
    }

    public async Task<bool> AllowsAsync(Caller caller, WorkflowRun run, string permission, CancellationToken ct)
    {
        if (SeesEverything(caller, forRead: permission == View) ||
            (permission == View && (run.CreatedBy == caller.UserId || run.RunAs == caller.UserId)))
        {
            return true;
        }
        var (type, id) = Owner(run);
        if (id is null)
        {
            return run.CreatedBy == caller.UserId;
        }
        try
        {
            await access.RequireAssetPermissionAsync(caller, type, id, permission, ct);
            return true;
        }
        catch (ForbiddenException)
        {
            return false;
        }
    }

    /// <summary>The resource whose permissions govern the run: its schedule, its pipeline, else its job.</summary>
    public static (AssetType Type, string? Id) Owner(WorkflowRun run) =>
        run.ScheduleId is { } schedule ? (AssetType.Schedule, schedule)
        : run.PipelineId is { } pipeline ? (AssetType.Pipeline, pipeline)
        : (AssetType.SparkJob, run.JobId);
}
