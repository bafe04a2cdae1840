using System.Text.Json.Nodes;
using Iomete.Workflows.Runs;

namespace Iomete.Functions.Orchestrator.Runs;

/// <summary>A workflow run as the API shows it. <c>allowedActions</c>: CANCEL while it has not ended.</summary>
public sealed record WorkflowRunView(
    string Id,
    string Domain,
    RunKind Kind,
    string Name,
    string State,
    string? StateMessage,
    RunTrigger Trigger,
    RunPriority Priority,
    string? Namespace,
    string? JobId,
    string? ScheduleId,
    string? PipelineId,
    string? ParentRunId,
    string? NodeKey,
    string? ExternalRunId,
    string? RunAs,
    string? CreatedBy,
    JsonNode? Parameters,
    JsonNode? Output,
    int Attempt,
    DateTimeOffset? ScheduledFor,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    long? DurationMs,
    double? LateBySeconds,
    IReadOnlyList<string> AllowedActions)
{
    public static WorkflowRunView From(WorkflowRun run, DateTimeOffset now) => new(
        run.Id, run.DomainId, run.Kind, run.Name, run.State.Name(), run.StateMessage, run.Trigger, run.Priority, run.Namespace, run.JobId,
        run.ScheduleId, run.PipelineId, run.ParentRunId, run.NodeKey, run.ExternalRunId, run.RunAs, run.CreatedBy, ParseJson(run.Parameters),
        ParseJson(run.Output), run.Attempt, run.ScheduledFor, run.CreatedAt, run.StartedAt, run.EndedAt,
        run.StartedAt is { } started ? (long)((run.EndedAt ?? now) - started).TotalMilliseconds : null,
        run.ScheduledFor is { } due && (run.StartedAt ?? (run.State.IsTerminal() ? null : now)) is { } begun && begun > due
            ? Math.Round((begun - due).TotalSeconds, 3) : null,
        run.State.IsTerminal() || run.State == WorkflowRunState.Cancelling ? [] : ["CANCEL"]);

    /// <summary>Stored JSON text as a node; text that is not JSON comes back as a string.</summary>
    public static JsonNode? ParseJson(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}

/// <summary>A task of a run (a query of a SQL schedule, a pipeline node).</summary>
public sealed record RunTaskView(
    string TaskKey, string Name, int Position, string State, string? StateMessage, string? ExternalId, int Attempt, JsonNode? Output,
    DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, long? DurationMs)
{
    public static RunTaskView From(RunTask task, DateTimeOffset now) => new(
        task.TaskKey, task.Name, task.Position, task.State.Name(), task.StateMessage, task.ExternalId, task.Attempt,
        WorkflowRunView.ParseJson(task.Output), task.StartedAt, task.EndedAt,
        task.StartedAt is { } started ? (long)((task.EndedAt ?? (task.State.IsTerminal() ? started : now)) - started).TotalMilliseconds : null);
}

/// <summary>One log line or timeline event of a run.</summary>
public sealed record RunEventView(long Id, DateTimeOffset At, RunEventKind Kind, RunEventLevel Level, string? State, string? TaskKey, string Message)
{
    public static RunEventView From(RunEvent e) => new(e.Id, e.At, e.Kind, e.Level, e.State?.Name(), e.TaskKey, e.Message);
}

/// <summary>A run with its tasks.</summary>
public sealed record WorkflowRunDetailView(WorkflowRunView Run, IReadOnlyList<RunTaskView> Tasks);
