using Iomete.Functions.Clusters.Common;
using Iomete.Functions.Clusters.Compute;
using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Platform.Errors;
using Iomete.Platform.Messaging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Actors;

/// <summary>
/// The logic of one cluster's lifecycle actor. Not thread-safe by itself: <see cref="ComputeActors"/> runs every call
/// inside the actor's turn. State lives in the database, so any process hosting the actor continues where another stopped.
/// </summary>
internal sealed partial class ComputeLifecycleActor(string clusterId, ComputeActorServices s) : IComputeLifecycle
{
    public const string AutoSuspendReminder = "auto-suspend";
    public const string AutoRestartReminder = "auto-restart";

    public async Task<ComputeCluster> StartAsync(string userId, CancellationToken ct)
    {
        var c = await LoadAsync(ct);
        ComputeActions.Require(c, ComputeActions.Start);
        return await LaunchAsync(c with { RestartAttempts = 0 }, ComputeActivityKind.Start, userId, null, ct);
    }

    public async Task<ComputeCluster> TerminateAsync(string userId, CancellationToken ct)
    {
        var c = await LoadAsync(ct);
        ComputeActions.Require(c, ComputeActions.Terminate);
        return await StopAsync(c, ComputeActivityKind.Terminate, userId, null, ct);
    }

    public async Task<ComputeCluster> RestartAsync(string userId, CancellationToken ct)
    {
        var c = await LoadAsync(ct);
        ComputeActions.Require(c, ComputeActions.Restart);
        RequireDataPlane();
        var stopped = await StopAsync(c, null, userId, "restart", ct);
        return await LaunchAsync(stopped with { RestartAttempts = 0 }, ComputeActivityKind.Restart, userId, null, ct);
    }

    public async Task<ComputeCluster> ConfigureAsync(ComputeCluster next, long expectedVersion, string userId, CancellationToken ct)
    {
        var c = await LoadAsync(ct);
        ComputeActions.Require(c, ComputeActions.Configure);
        // A FAILED cluster still has its old application: the new definition applies from the next (re)start.
        var saved = await s.Store.UpdateDefinitionAsync(next with { RestartRequired = c.Status == ComputeStatus.Failed }, expectedVersion, ct);
        await s.Activities.RecordAsync(c.Id, ComputeActivityKind.Configure, userId, null, ct);
        return saved;
    }

    public async Task ObserveAsync(SparkApplicationStatus status, CancellationToken ct)
    {
        var c = await s.Store.GetAsync(clusterId, ct);
        if (c is null || c.Status == ComputeStatus.Stopped
            || !status.Labels.TryGetValue(ComputeApplications.StartLabel, out var start) || start != c.StartCount.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            // Deleted, stopped by us, or an event of an earlier application of this cluster.
            return;
        }
        if (status.Deleted)
        {
            if (c.Status is ComputeStatus.Starting or ComputeStatus.Active)
            {
                await FailAsync(c with { DriverState = null }, "The Spark application was deleted outside the platform.", ct);
            }
            return;
        }
        var observed = c with { DriverState = status.State.Length == 0 ? "NEW" : status.State };
        switch (status.Phase)
        {
            case RunPhase.Starting:
                await MoveAsync(observed, ComputeStatus.Starting, null, ct);
                break;
            case RunPhase.Running:
                await MoveAsync(observed, ComputeStatus.Active, null, ct);
                break;
            case RunPhase.Completed:
                await FailAsync(observed, "The Spark driver exited.", ct);
                break;
            case RunPhase.Failed:
                await FailAsync(observed, status.ErrorMessage is { Length: > 0 } error ? error : "The Spark application failed.", ct);
                break;
            default:
                if (observed.DriverState != c.DriverState)
                {
                    await s.Store.SaveStateAsync(observed, ct);
                }
                break;
        }
    }

    public Task TouchAsync(CancellationToken ct) => s.Store.TouchAsync(clusterId, s.Clock.GetUtcNow(), ct);

    public async Task DeactivateAsync(CancellationToken ct)
    {
        var c = await s.Store.GetAsync(clusterId, ct);
        if (c is not null)
        {
            // STOPPED first: the deletion's watch events must not look like a failure.
            await s.Store.SaveStateAsync(c with { Status = ComputeStatus.Stopped }, ct);
        }
        if (c is not null && s.DataPlane.Value.Configured)
        {
            await s.Applications.DeleteAsync(c.Namespace, ComputeApplications.ApplicationName(c.Id), ct);
            await s.Workloads.DeleteServiceAsync(c.Namespace, DriverServiceBuilder.ServiceName(ComputeApplications.ApplicationName(c.Id)), ct);
        }
        await s.Reminders.UnregisterAsync(ComputeActors.ActorType, clusterId, null, ct);
    }

    public async Task ReceiveReminderAsync(string name, CancellationToken ct)
    {
        var c = await s.Store.GetAsync(clusterId, ct);
        if (c is null)
        {
            return;
        }
        if (name == AutoRestartReminder && c.Status == ComputeStatus.Failed && c.RestartAttempts < s.Options.Value.AutoRestartAttempts)
        {
            var attempt = c.RestartAttempts + 1;
            try
            {
                await LaunchAsync(c with { RestartAttempts = attempt }, ComputeActivityKind.AutoRestart, null,
                    $"Automatic restart {attempt} of {s.Options.Value.AutoRestartAttempts}", ct);
            }
            catch (ApiException)
            {
                // The failed submission is recorded on the cluster (FAILED, with its message); it is not retried.
            }
        }
        else if (name == AutoSuspendReminder && c.Status is ComputeStatus.Starting or ComputeStatus.Active && c.Spec.AutoSuspendSeconds is { } idle)
        {
            var due = (c.LastActivityAt ?? c.UpdatedAt).AddSeconds(idle);
            if (s.Clock.GetUtcNow() < due)
            {
                await s.Reminders.RegisterAsync(ComputeActors.ActorType, clusterId, AutoSuspendReminder, due, ct);
                return;
            }
            await StopAsync(c, ComputeActivityKind.AutoSuspend, null, $"Idle for {idle} s", ct);
        }
    }

    private async Task<ComputeCluster> LaunchAsync(
        ComputeCluster c, ComputeActivityKind activity, string? userId, string? message, CancellationToken ct)
    {
        RequireDataPlane();
        var start = c.StartCount + 1;
        var definition = await s.Apps.DefinitionAsync(c, start, s.Clock.GetUtcNow(), ct);
        var application = SparkApplicationBuilder.Build(definition);
        var service = DriverServiceBuilder.Build(definition);
        // The previous application (a failed one) goes first: the new one takes its name.
        await s.Applications.DeleteAsync(c.Namespace, definition.Name, ct);
        var now = s.Clock.GetUtcNow();
        var starting = c with
        {
            Status = ComputeStatus.Starting, StartCount = start, DriverState = null, ErrorMessage = null, RestartRequired = false, LastActivityAt = now,
        };
        await s.Store.SaveStateAsync(starting, ct);
        try
        {
            await s.Workloads.ApplyServiceAsync(service, ct);
            await s.Submit.SubmitAsync($"{c.Id}:{start}", application, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var failed = starting with { Status = ComputeStatus.Failed, ErrorMessage = "Submission failed: " + e.Message };
            await s.Store.SaveStateAsync(failed, ct);
            await s.Activities.RecordAsync(c.Id, ComputeActivityKind.Failure, userId, failed.ErrorMessage, ct);
            await PublishAsync(c.Status, failed, "SUBMISSION_FAILED", ct);
            throw e as ApiException ?? new ApiException(502, ErrorCodes.BadGateway, "Submission failed", failed.ErrorMessage);
        }
        await s.Activities.RecordAsync(c.Id, activity, userId, message, ct);
        await PublishAsync(c.Status, starting, ReasonOf(activity), ct);
        await s.Reminders.UnregisterAsync(ComputeActors.ActorType, c.Id, AutoRestartReminder, ct);
        if (c.Spec.AutoSuspendSeconds is { } idle)
        {
            await s.Reminders.RegisterAsync(ComputeActors.ActorType, c.Id, AutoSuspendReminder, now.AddSeconds(idle), ct);
        }
        return starting;
    }

    /// <summary>Deletes what runs and records STOPPED; <paramref name="activity"/> null records nothing (the first half of a restart).</summary>
    private async Task<ComputeCluster> StopAsync(ComputeCluster c, ComputeActivityKind? activity, string? userId, string? message, CancellationToken ct)
    {
        // Recorded first: the deletion's watch events then find the cluster STOPPED and are ignored.
        var stopped = c with { Status = ComputeStatus.Stopped, DriverState = null, ErrorMessage = null };
        await s.Store.SaveStateAsync(stopped, ct);
        if (s.DataPlane.Value.Configured)
        {
            var name = ComputeApplications.ApplicationName(c.Id);
            await s.Applications.DeleteAsync(c.Namespace, name, ct);
            await s.Workloads.DeleteServiceAsync(c.Namespace, DriverServiceBuilder.ServiceName(name), ct);
        }
        await s.Reminders.UnregisterAsync(ComputeActors.ActorType, c.Id, null, ct);
        if (activity is { } kind)
        {
            await s.Activities.RecordAsync(c.Id, kind, userId, message, ct);
        }
        await PublishAsync(c.Status, stopped, activity is { } k ? ReasonOf(k) : message?.ToUpperInvariant(), ct);
        return stopped;
    }

    /// <summary>Records an observed state; <paramref name="c"/> still has the previous status (a repeated event changes nothing).</summary>
    private async Task MoveAsync(ComputeCluster c, ComputeStatus status, string? reason, CancellationToken ct)
    {
        var stored = await s.Store.GetAsync(clusterId, ct);
        if (stored is not null && stored.Status == status && stored.DriverState == c.DriverState)
        {
            return;
        }
        await s.Store.SaveStateAsync(c with { Status = status }, ct);
        if (c.Status != status)
        {
            await PublishAsync(c.Status, c with { Status = status }, reason, ct);
        }
    }

    private async Task FailAsync(ComputeCluster c, string error, CancellationToken ct)
    {
        if (c.Status == ComputeStatus.Failed)
        {
            return;
        }
        var failed = c with { Status = ComputeStatus.Failed, ErrorMessage = error };
        await s.Store.SaveStateAsync(failed, ct);
        await s.Activities.RecordAsync(c.Id, ComputeActivityKind.Failure, null, error, ct);
        await PublishAsync(c.Status, failed, "FAILURE", ct);
        await s.Reminders.UnregisterAsync(ComputeActors.ActorType, c.Id, AutoSuspendReminder, ct);
        if (c.RestartAttempts < s.Options.Value.AutoRestartAttempts)
        {
            await s.Reminders.RegisterAsync(ComputeActors.ActorType, c.Id, AutoRestartReminder,
                s.Clock.GetUtcNow().Add(s.Options.Value.AutoRestartDelay), ct);
        }
    }

    private Task PublishAsync(ComputeStatus? previous, ComputeCluster now, string? reason, CancellationToken ct) =>
        s.Bus.PublishAsync(ClusterTopics.Compute, new ComputeStateChanged(
            now.DomainId, now.Id, now.Name, previous is { } p ? ComputeClusterRow.Stored(p) : null, ComputeClusterRow.Stored(now.Status),
            reason ?? now.ErrorMessage, s.Clock.GetUtcNow()), ct);

    private static string ReasonOf(ComputeActivityKind kind) => kind switch
    {
        ComputeActivityKind.AutoSuspend => "AUTO_SUSPEND",
        ComputeActivityKind.AutoRestart => "AUTO_RESTART",
        _ => kind.ToString().ToUpperInvariant(),
    };

    private void RequireDataPlane()
    {
        if (!s.DataPlane.Value.Configured)
        {
            throw new DataPlaneNotConfiguredException();
        }
    }

    private async Task<ComputeCluster> LoadAsync(CancellationToken ct) =>
        await s.Store.GetAsync(clusterId, ct) ?? throw new NotFoundException("Compute cluster", clusterId);
}

/// <summary>What every compute lifecycle actor uses (one bundle, so actors are cheap to make per call).</summary>
internal sealed record ComputeActorServices(
    ComputeClusterStore Store,
    ComputeActivityLog Activities,
    ComputeApplications Apps,
    ISparkApplications Applications,
    IKubernetesWorkloads Workloads,
    SubmitQueue Submit,
    ActorReminders Reminders,
    IEventBus Bus,
    IOptions<DataPlaneOptions> DataPlane,
    IOptions<ComputeOptions> Options,
    TimeProvider Clock);
