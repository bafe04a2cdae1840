using Dapper;

namespace Iomete.Workflows.Runs;

/// <summary>A run's log lines, timeline events and tasks.</summary>
public sealed class RunJournal(WorkflowRunStore runs)
{
    public async Task LogAsync(string runId, RunEventLevel level, string message, CancellationToken ct, string? taskKey = null)
    {
        await using var connection = await runs.OpenAsync(ct);
        await runs.InsertEventAsync(connection, null, runId, RunEventKind.Log, level, null, taskKey, message, ct);
    }

    /// <summary>A timeline event that is not a state change of the run itself (a task or queue event).</summary>
    public async Task RecordAsync(string runId, RunEventKind kind, RunEventLevel level, string message, CancellationToken ct,
        string? taskKey = null, WorkflowRunState? state = null)
    {
        await using var connection = await runs.OpenAsync(ct);
        await runs.InsertEventAsync(connection, null, runId, kind, level, state, taskKey, message, ct);
    }

    /// <summary>Events after <paramref name="afterId"/> in order, optionally only some kinds.</summary>
    public async Task<IReadOnlyList<RunEvent>> EventsAsync(string runId, long afterId, int limit, IReadOnlyCollection<RunEventKind>? kinds, CancellationToken ct)
    {
        var kindNames = kinds?.Select(k => WorkflowRunRow.Upper(k)).ToArray();
        await using var connection = await runs.OpenAsync(ct);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            "SELECT id AS Id, run_id AS RunId, at_ms AS AtMs, kind AS Kind, level AS Level, state AS State, task_key AS TaskKey, message AS Message FROM workflow_run_events WHERE run_id = @RunId AND id > @AfterId" +
            (kindNames is null ? "" : " AND kind IN @Kinds") + " ORDER BY id LIMIT @Limit",
            new { RunId = runId, AfterId = afterId, Kinds = kindNames, Limit = limit }, cancellationToken: ct));
        return rows.Select(r => new RunEvent(
            r.Id, r.RunId, DateTimeOffset.FromUnixTimeMilliseconds(r.AtMs), WorkflowRunRow.ParseUpper<RunEventKind>(r.Kind),
            WorkflowRunRow.ParseUpper<RunEventLevel>(r.Level), r.State is null ? null : WorkflowRunStates.Parse(r.State), r.TaskKey, r.Message)).ToList();
    }

    /// <summary>Creates or replaces a task of a run.</summary>
    public async Task SaveTaskAsync(RunTask task, CancellationToken ct)
    {
        await using var connection = await runs.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO workflow_run_tasks (run_id, task_key, name, position, state, state_message, external_id, attempt, output, started_ms, ended_ms)
            VALUES (@RunId, @TaskKey, @Name, @Position, @State, @StateMessage, @ExternalId, @Attempt, @Output, @StartedMs, @EndedMs)
            ON CONFLICT (run_id, task_key) DO UPDATE SET name = excluded.name, position = excluded.position, state = excluded.state,
                state_message = excluded.state_message, external_id = excluded.external_id, attempt = excluded.attempt, output = excluded.output,
                started_ms = excluded.started_ms, ended_ms = excluded.ended_ms
            """,
            new
            {
                task.RunId,
                task.TaskKey,
                task.Name,
                task.Position,
                State = task.State.Name(),
                task.StateMessage,
                task.ExternalId,
                task.Attempt,
                task.Output,
                StartedMs = task.StartedAt?.ToUnixTimeMilliseconds(),
                EndedMs = task.EndedAt?.ToUnixTimeMilliseconds(),
            },
            cancellationToken: ct));
    }

    public async Task<IReadOnlyList<RunTask>> TasksAsync(string runId, CancellationToken ct)
    {
        await using var connection = await runs.OpenAsync(ct);
        var rows = await connection.QueryAsync<TaskRow>(new CommandDefinition(
            "SELECT run_id AS RunId, task_key AS TaskKey, name AS Name, position AS Position, state AS State, state_message AS StateMessage, " +
            "external_id AS ExternalId, attempt AS Attempt, output AS Output, started_ms AS StartedMs, ended_ms AS EndedMs " +
            "FROM workflow_run_tasks WHERE run_id = @RunId ORDER BY position, task_key",
            new { RunId = runId }, cancellationToken: ct));
        return rows.Select(r => new RunTask
        {
            RunId = r.RunId,
            TaskKey = r.TaskKey,
            Name = r.Name,
            Position = (int)r.Position,
            State = WorkflowRunStates.Parse(r.State),
            StateMessage = r.StateMessage,
            ExternalId = r.ExternalId,
            Attempt = (int)r.Attempt,
            Output = r.Output,
            StartedAt = r.StartedMs is { } s ? DateTimeOffset.FromUnixTimeMilliseconds(s) : null,
            EndedAt = r.EndedMs is { } e ? DateTimeOffset.FromUnixTimeMilliseconds(e) : null,
        }).ToList();
    }

    private sealed record EventRow(long Id, string RunId, long AtMs, string Kind, string Level, string? State, string? TaskKey, string Message);

    private sealed record TaskRow(
        string RunId, string TaskKey, string Name, long Position, string State, string? StateMessage, string? ExternalId, long Attempt,
        string? Output, long? StartedMs, long? EndedMs);
}
