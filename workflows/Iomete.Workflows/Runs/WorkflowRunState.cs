namespace Iomete.Workflows.Runs;

/// <summary>
/// A workflow run's state, with Prefect's names (docs/v3/concepts/states): SCHEDULED and LATE before it starts, PENDING
/// while it waits in its namespace queue for capacity, RUNNING/RETRYING while it works, CANCELLING while a cancel is
/// carried out, and the terminal COMPLETED, FAILED, TIMED_OUT, CANCELLED and CRASHED (the infrastructure failed, not the job).
/// </summary>
public enum WorkflowRunState
{
    Scheduled,
    Late,
    Pending,
    Running,
    Retrying,
    Completed,
    Failed,
    TimedOut,
    Cancelling,
    Cancelled,
    Crashed,
}

public static class WorkflowRunStates
{
    public static readonly WorkflowRunState[] Terminal =
        [WorkflowRunState.Completed, WorkflowRunState.Failed, WorkflowRunState.TimedOut, WorkflowRunState.Cancelled, WorkflowRunState.Crashed];

    public static bool IsTerminal(this WorkflowRunState state) => Array.IndexOf(Terminal, state) >= 0;

    /// <summary>The stored (and JSON) name: SNAKE_UPPER, as every enum of the API.</summary>
    public static string Name(this WorkflowRunState state) => state switch
    {
        WorkflowRunState.TimedOut => "TIMED_OUT",
        _ => state.ToString().ToUpperInvariant(),
    };

    public static WorkflowRunState Parse(string name) =>
        Enum.GetValues<WorkflowRunState>().FirstOrDefault(s => s.Name() == name) is var state && state.Name() == name
            ? state
            : throw new FormatException($"'{name}' is not a workflow run state.");

    /// <summary>Never out of a terminal state; CANCELLING only ends in a terminal state.</summary>
    public static bool CanMove(WorkflowRunState from, WorkflowRunState to) =>
        from != to && !from.IsTerminal() && (from != WorkflowRunState.Cancelling || to.IsTerminal());
}
