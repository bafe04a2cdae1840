using System.Globalization;
using System.Text.Json;
using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Kubernetes;

namespace Iomete.Functions.Clusters.Runs;

/// <summary>
/// Follows the SparkApplications of job runs: maps the operator's state to the run's status and keeps the executor
/// counts, attempt counts and driver UI the status reports. Idempotent (a repeated state changes nothing); terminal runs
/// stay as they are.
/// </summary>
public sealed class SparkRunObserver(RunTransitions transitions) : ISparkApplicationObserver
{
    public ManagedResourceType ResourceType => ManagedResourceType.SparkJob;

    public async Task OnStatusAsync(SparkApplicationStatus status, CancellationToken ct)
    {
        if (!status.Labels.TryGetValue(ManifestLabels.ResourceId, out var runId))
        {
            return;
        }
        await ApplyAsync(transitions, runId, status, ct);
    }

    /// <summary>Applies one observed application state (from the watch or from the submission's answer) to the run.</summary>
    internal static Task<SparkRun?> ApplyAsync(RunTransitions transitions, string runId, SparkApplicationStatus status, CancellationToken ct) =>
        transitions.ApplyAsync(runId, run => Next(run, status), ct);

    internal static SparkRun? Next(SparkRun run, SparkApplicationStatus status)
    {
        if (run.IsTerminal)
        {
            return null;
        }
        if (status.Deleted)
        {
            // Deleted by someone else while it ran: the run cannot finish any more.
            return run with { Status = RunStatus.Failed, ErrorMessage = run.ErrorMessage ?? "The SparkApplication was deleted from the data plane.", AppDeleted = true };
        }
        var next = WithDetails(run, status);
        // The new object's empty state only says it was created: it never takes a run back from a later state.
        var target = RunStatus.FromOperator(status.State);
        if (status.State != SparkApplicationState.New || run.Status == RunStatus.Enqueued)
        {
            if (RunStatus.CanMove(run.Status, target))
            {
                next = next with { Status = target };
            }
        }
        if (target == RunStatus.Failed || target == RunStatus.SubmissionFailed)
        {
            next = next with { ErrorMessage = status.ErrorMessage ?? next.ErrorMessage };
        }
        return next;
    }

    private static SparkRun WithDetails(SparkRun run, SparkApplicationStatus status)
    {
        var next = run with { OperatorState = status.State };
        if (status.StatusObject is not { ValueKind: JsonValueKind.Object } s)
        {
            return next;
        }
        if (s.TryGetProperty("executorState", out var executors) && executors.ValueKind == JsonValueKind.Object)
        {
            var states = executors.EnumerateObject().Select(e => e.Value.GetString()).ToList();
            next = next with
            {
                ExecutorsRunning = states.Count(x => x == "RUNNING"),
                ExecutorsPending = states.Count(x => x == "PENDING"),
                TotalExecutors = states.Count,
            };
        }
        if (Int(s, "submissionAttempts") is { } submissions)
        {
            next = next with { SubmissionAttempts = submissions };
        }
        if (Int(s, "executionAttempts") is { } executions)
        {
            next = next with { ExecutionAttempts = executions };
        }
        if (s.TryGetProperty("driverInfo", out var driver) && driver.ValueKind == JsonValueKind.Object)
        {
            var ui = Text(driver, "webUIIngressAddress") ?? Text(driver, "webUIAddress");
            if (ui is not null)
            {
                next = next with { SparkUi = ui.Contains("://", StringComparison.Ordinal) ? ui : "http://" + ui };
            }
        }
        if (Text(s, "terminationTime") is { } ended && DateTimeOffset.TryParse(ended, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            next = next with { TerminatedAt = at };
        }
        return next;
    }

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
}
