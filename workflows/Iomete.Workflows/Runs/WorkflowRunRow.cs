namespace Iomete.Workflows.Runs;

/// <summary>The stored shape of a <see cref="WorkflowRun"/> (instants as UTC epoch milliseconds, enums by name).</summary>
internal sealed class WorkflowRunRow
{
    public const string Columns =
        "id, domain_id, kind, name, state, state_message, run_trigger, priority, namespace, job_id, schedule_id, pipeline_id, " +
        "parent_run_id, node_key, external_run_id, run_as, created_by, parameters, output, dedupe_key, attempt, scheduled_ms, created_ms, " +
        "started_ms, ended_ms, version";

    /// <summary>The columns for a SELECT, aliased to the property names (run_trigger AS RunTrigger).</summary>
    public static readonly string Selected = string.Join(", ", Columns.Split(", ").Select(c =>
        $"{c} AS {string.Concat(c.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]))}"));

    public const string Values =
        "@Id, @DomainId, @Kind, @Name, @State, @StateMessage, @RunTrigger, @Priority, @Namespace, @JobId, @ScheduleId, @PipelineId, " +
        "@ParentRunId, @NodeKey, @ExternalRunId, @RunAs, @CreatedBy, @Parameters, @Output, @DedupeKey, @Attempt, @ScheduledMs, @CreatedMs, " +
        "@StartedMs, @EndedMs, @Version";

    public string Id { get; set; } = "";
    public string DomainId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string State { get; set; } = "";
    public string? StateMessage { get; set; }
    public string RunTrigger { get; set; } = "";
    public string Priority { get; set; } = "";
    public string? Namespace { get; set; }
    public string? JobId { get; set; }
    public string? ScheduleId { get; set; }
    public string? PipelineId { get; set; }
    public string? ParentRunId { get; set; }
    public string? NodeKey { get; set; }
    public string? ExternalRunId { get; set; }
    public string? RunAs { get; set; }
    public string? CreatedBy { get; set; }
    public string? Parameters { get; set; }
    public string? Output { get; set; }
    public string? DedupeKey { get; set; }
    public int Attempt { get; set; }
    public long? ScheduledMs { get; set; }
    public long CreatedMs { get; set; }
    public long? StartedMs { get; set; }
    public long? EndedMs { get; set; }
    public long Version { get; set; }

    public static WorkflowRunRow From(WorkflowRun run) => new()
    {
        Id = run.Id,
        DomainId = run.DomainId,
        Kind = Upper(run.Kind),
        Name = run.Name,
        State = run.State.Name(),
        StateMessage = run.StateMessage,
        RunTrigger = Upper(run.Trigger),
        Priority = Upper(run.Priority),
        Namespace = run.Namespace,
        JobId = run.JobId,
        ScheduleId = run.ScheduleId,
        PipelineId = run.PipelineId,
        ParentRunId = run.ParentRunId,
        NodeKey = run.NodeKey,
        ExternalRunId = run.ExternalRunId,
        RunAs = run.RunAs,
        CreatedBy = run.CreatedBy,
        Parameters = run.Parameters,
        Output = run.Output,
        DedupeKey = run.DedupeKey,
        Attempt = run.Attempt,
        ScheduledMs = run.ScheduledFor?.ToUnixTimeMilliseconds(),
        CreatedMs = run.CreatedAt.ToUnixTimeMilliseconds(),
        StartedMs = run.StartedAt?.ToUnixTimeMilliseconds(),
        EndedMs = run.EndedAt?.ToUnixTimeMilliseconds(),
        Version = run.Version,
    };

    public WorkflowRun ToRun() => new()
    {
        Id = Id,
        DomainId = DomainId,
        Kind = ParseUpper<RunKind>(Kind),
        Name = Name,
        State = WorkflowRunStates.Parse(State),
        StateMessage = StateMessage,
        Trigger = ParseUpper<RunTrigger>(RunTrigger),
        Priority = ParseUpper<RunPriority>(Priority),
        Namespace = Namespace,
        JobId = JobId,
        ScheduleId = ScheduleId,
        PipelineId = PipelineId,
        ParentRunId = ParentRunId,
        NodeKey = NodeKey,
        ExternalRunId = ExternalRunId,
        RunAs = RunAs,
        CreatedBy = CreatedBy,
        Parameters = Parameters,
        Output = Output,
        DedupeKey = DedupeKey,
        Attempt = Attempt,
        ScheduledFor = ScheduledMs is { } s ? DateTimeOffset.FromUnixTimeMilliseconds(s) : null,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedMs),
        StartedAt = StartedMs is { } st ? DateTimeOffset.FromUnixTimeMilliseconds(st) : null,
        EndedAt = EndedMs is { } e ? DateTimeOffset.FromUnixTimeMilliseconds(e) : null,
        Version = Version,
    };

    // SqlQueries -> SQL_QUERIES, as the JSON of every enum.
    internal static string Upper<T>(T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();

    internal static T ParseUpper<T>(string name) where T : struct, Enum =>
        Enum.GetValues<T>().First(v => Upper(v) == name);
}
