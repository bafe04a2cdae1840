namespace Iomete.Workflows.Runs;

/// <summary>What a run event is: a state change, a log line, or something that happened to one of its tasks.</summary>
public enum RunEventKind
{
    State,
    Log,
    Task,
    Queue,
}

public enum RunEventLevel
{
    Debug,
    Info,
    Warning,
    Error,
}

/// <summary>One line of a run's log and timeline; <see cref="Id"/> orders them.</summary>
public sealed record RunEvent(
    long Id, string RunId, DateTimeOffset At, RunEventKind Kind, RunEventLevel Level, WorkflowRunState? State, string? TaskKey, string Message);

/// <summary>One task of a run (a query of a SQL schedule, a node of a pipeline).</summary>
public sealed record RunTask
{
    public required string RunId { get; init; }
    public required string TaskKey { get; init; }
    public required string Name { get; init; }
    public int Position { get; init; }
    public WorkflowRunState State { get; init; } = WorkflowRunState.Pending;
    public string? StateMessage { get; init; }
    /// <summary>The id of what the task started (a query id, a node's run id).</summary>
    public string? ExternalId { get; init; }
    public int Attempt { get; init; } = 1;
    public string? Output { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
}
