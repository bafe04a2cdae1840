namespace Iomete.Workflows.Maintenance;

/// <summary>Input of a table-maintenance run's orchestration (instance id = <see cref="RunId"/>; the maintenance service recorded the run first).</summary>
public sealed record MaintenanceRunRequest(string RunId);

/// <summary>
/// A run as the orchestration sees it: its state (PENDING, RUNNING, COMPLETED, FAILED), the reason of a failure, and
/// <see cref="Stale"/> when it is RUNNING but no executor has reported for a while (the replica that ran it is gone: start it again).
/// </summary>
public sealed record MaintenanceRunProgress(string Id, string State, string? Reason, bool Stale)
{
    public bool IsTerminal => State is "COMPLETED" or "FAILED";
}

/// <summary>Why the orchestration fails a run itself (the executor could not be reached).</summary>
public sealed record MaintenanceRunFailure(string RunId, string Reason);

/// <summary>The maintenance service's internal routes the activities call (app id <see cref="AppId"/>, internal app token).</summary>
public static class MaintenanceRoutes
{
    public const string AppId = "maintenance";

    public static string Run(string runId) => $"internal/v1/maintenance/runs/{Uri.EscapeDataString(runId)}";

    public static string Execute(string runId) => Run(runId) + "/execute";

    public static string Cancel(string runId) => Run(runId) + "/cancel";

    public static string Fail(string runId) => Run(runId) + "/fail";
}
