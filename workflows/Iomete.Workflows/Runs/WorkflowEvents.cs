namespace Iomete.Workflows.Runs;

/// <summary>Names of the external events the platform raises on run orchestrations (instance id = run id).</summary>
public static class WorkflowEvents
{
    /// <summary>The user cancelled the run (payload: the reason text). Every run orchestration listens for it.</summary>
    public const string Cancel = "cancel";

    /// <summary>The job service reported a new state of the run it executes (payload: the job service's run status).</summary>
    public const string JobRunState = "job-run-state";

    /// <summary>Capacity in the run's namespace may have become free; a queued run checks again at once.</summary>
    public const string CapacityChanged = "capacity-changed";
}
