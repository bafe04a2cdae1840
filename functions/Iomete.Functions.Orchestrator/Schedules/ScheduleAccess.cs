using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Iomete.Workflows.Schedules;

namespace Iomete.Functions.Orchestrator.Schedules;

/// <summary>
/// Who may do what with a schedule: the caller must be in the schedule's domain, and each action needs its RAS permission
/// (VIEW, UPDATE, DELETE, SUSPEND, RUN) through the bundle that holds it; domain owners and managers pass.
/// </summary>
public sealed class ScheduleAccess(IAccessControl access, ScheduleStore store)
{
    public const string View = "VIEW";
    public const string Update = "UPDATE";
    public const string Delete = "DELETE";
    public const string Suspend = "SUSPEND";
    public const string Run = "RUN";

    public async Task RequireDomainAsync(Caller caller, string domain, CancellationToken ct)
    {
        await access.RequireDomainAccessAsync(caller, domain, ct);
    }

    public Task RequireCreateAsync(Caller caller, string domain, CancellationToken ct) =>
        access.RequireDomainPermissionAsync(caller, domain, DomainPermission.CreateSparkJob, ct);

    /// <summary>The schedule of that id in the domain (404 otherwise), after checking the caller holds <paramref name="permission"/> on it.</summary>
    public async Task<Schedule> RequireAsync(Caller caller, string domain, string id, string permission, CancellationToken ct)
    {
        await RequireDomainAsync(caller, domain, ct);
        var schedule = await store.GetAsync(id, ct);
        if (schedule is null || schedule.DomainId != domain)
        {
            throw new NotFoundException("Schedule", id);
        }
        await access.RequireAssetPermissionAsync(caller, AssetType.Schedule, id, permission, ct);
        return schedule;
    }

    /// <summary>A schedule kept by another resource (a Spark job's cron) is changed through that resource only.</summary>
    public static void RequireUnmanaged(Schedule schedule)
    {
        if (schedule.ManagedBy is { } owner)
        {
            throw new ConflictException($"Schedule '{schedule.Id}' is managed by {owner} '{schedule.Target.JobId}'; change it there.");
        }
    }

    /// <summary>A job target needs the job's RUN permission: a schedule must not run what its creator cannot.</summary>
    public Task RequireJobRunAsync(Caller caller, string jobId, CancellationToken ct) =>
        access.RequireAssetPermissionAsync(caller, AssetType.SparkJob, jobId, "RUN", ct);

    public async Task<bool> AllowsAsync(Caller caller, string id, string permission, CancellationToken ct)
    {
        try
        {
            await access.RequireAssetPermissionAsync(caller, AssetType.Schedule, id, permission, ct);
            return true;
        }
        catch (ForbiddenException)
        {
            return false;
        }
    }

    public static bool SeesEverything(Caller caller) => caller.HasAdminRole(AdminRole.DomainManager);
}
