namespace Iomete.Workflows.Runs;

/// <summary>What started a run.</summary>
public enum RunTrigger
{
    Manual,
    Schedule,
    Backfill,
    Pipeline,
    Retry,
}

/// <summary>What a run runs: one job, the queries of a SQL schedule, or a pipeline of jobs.</summary>
public enum RunKind
{
    Job,
    SqlQueries,
    Pipeline,
}

/// <summary>Run priority in its namespace queue (IOMETE's HIGH and NORMAL queues).</summary>
public enum RunPriority
{
    Normal,
    High,
}

/// <summary>
/// One workflow run (a Prefect flow run): its durable orchestration is the instance <see cref="Id"/>. Instants are UTC.
/// <see cref="DedupeKey"/> is unique when set: a schedule's fire time can create one run, ever.
/// </summary>
public sealed record WorkflowRun
{
    public required string Id { get; init; }
    public required string DomainId { get; init; }
    public required RunKind Kind { get; init; }
    public required string Name { get; init; }
    public WorkflowRunState State { get; init; } = WorkflowRunState.Pending;
    public string? StateMessage { get; init; }
    public RunTrigger Trigger { get; init; } = RunTrigger.Manual;
    public RunPriority Priority { get; init; } = RunPriority.Normal;
    public string? Namespace { get; init; }
    public string? JobId { get; init; }
    public string? ScheduleId { get; init; }
    public string? PipelineId { get; init; }
    /// <summary>The pipeline run a node's run belongs to, or the run a retry repeats.</summary>
    public string? ParentRunId { get; init; }
    /// <summary>The pipeline node (task key) this run executes.</summary>
    public string? NodeKey { get; init; }
    /// <summary>The run this platform's job service created (a Spark run id), once submitted.</summary>
    public string? ExternalRunId { get; init; }
    public string? RunAs { get; init; }
    public string? CreatedBy { get; init; }
    /// <summary>Parameters as a JSON object text.</summary>
    public string? Parameters { get; init; }
    /// <summary>What the run produced, as JSON text (passed downstream in pipelines).</summary>
    public string? Output { get; init; }
    public string? DedupeKey { get; init; }
    public int Attempt { get; init; } = 1;
    /// <summary>When it was meant to start (a schedule's fire time); null for runs started at once.</summary>
    public DateTimeOffset? ScheduledFor { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public long Version { get; init; }
}
