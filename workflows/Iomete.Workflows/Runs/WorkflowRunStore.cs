using System.Data.Common;
using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;

namespace Iomete.Workflows.Runs;

/// <summary>What a run list is narrowed to.</summary>
public sealed record WorkflowRunFilter(
    WorkflowRunState? State = null, RunKind? Kind = null, string? JobId = null, string? ScheduleId = null, string? PipelineId = null,
    string? ParentRunId = null, string? Namespace = null, RunTrigger? Trigger = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>
/// Workflow runs in the orchestrator's database. Every change is compare-and-swap on <c>version</c>; a state change and its
/// timeline event are written in one transaction.
/// </summary>
public sealed class WorkflowRunStore(IMetadataDb db, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["createdAt"] = "created_ms",
        ["scheduledFor"] = "scheduled_ms",
        ["startedAt"] = "started_ms",
        ["state"] = "state",
        ["name"] = "name",
    };

    public async Task<WorkflowRun?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<WorkflowRunRow>(new CommandDefinition(
            $"SELECT {WorkflowRunRow.Selected} FROM workflow_runs WHERE id = @Id", new { Id = id }, cancellationToken: ct));
        return row?.ToRun();
    }

    /// <summary>The run of <paramref name="domainId"/>, or 404.</summary>
    public async Task<WorkflowRun> RequireAsync(string domainId, string id, CancellationToken ct) =>
        await GetAsync(id, ct) is { } run && run.DomainId == domainId ? run : throw new NotFoundException("Workflow run", id);

    /// <summary>
    /// Records a new run (version 1) with a first SCHEDULED/PENDING state event. When its <see cref="WorkflowRun.DedupeKey"/> is taken,
    /// nothing is written and the run that holds the key comes back with <c>Created</c> false.
    /// </summary>
    public async Task<(WorkflowRun Run, bool Created)> InsertAsync(WorkflowRun run, CancellationToken ct)
    {
        run = run with { Version = 1 };
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO workflow_runs ({WorkflowRunRow.Columns}) VALUES ({WorkflowRunRow.Values})",
                WorkflowRunRow.From(run), transaction, cancellationToken: ct));
        }
        catch (DbException e) when (db.IsUniqueViolation(e) && run.DedupeKey is not null)
        {
            await transaction.RollbackAsync(ct);
            var existing = await connection.QuerySingleAsync<WorkflowRunRow>(new CommandDefinition(
                $"SELECT {WorkflowRunRow.Selected} FROM workflow_runs WHERE dedupe_key = @DedupeKey", new { run.DedupeKey }, cancellationToken: ct));
            return (existing.ToRun(), false);
        }
        await InsertEventAsync(connection, transaction, run.Id, RunEventKind.State, RunEventLevel.Info, run.State,
            null, run.StateMessage ?? $"Run created ({WorkflowRunRow.Upper(run.Trigger)})", ct);
        await transaction.CommitAsync(ct);
        return (run, true);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the stored run until it wins the compare-and-swap; the change may decline by
    /// returning null. A state change is checked (<see cref="WorkflowRunStates.CanMove"/>), stamps started/ended times and is
    /// recorded on the timeline. Returns the stored run, or null when the run is missing or the change declined.
    /// </summary>
    public async Task<WorkflowRun?> UpdateAsync(string id, Func<WorkflowRun, WorkflowRun?> change, CancellationToken ct)
    {
        while (true)
        {
            var current = await GetAsync(id, ct);
            if (current is null || change(current) is not { } changed)
            {
                return null;
            }
            var moved = changed.State != current.State;
            if (moved && !WorkflowRunStates.CanMove(current.State, changed.State))
            {
                return null;
            }
            var now = clock.GetUtcNow();
            if (moved && changed.State is WorkflowRunState.Running && changed.StartedAt is null)
            {
                changed = changed with { StartedAt = now };
            }
            if (moved && changed.State.IsTerminal())
            {
                changed = changed with { EndedAt = changed.EndedAt ?? now };
            }
            changed = changed with { Version = current.Version + 1 };
            await using var connection = await OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var updated = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE workflow_runs SET name = @Name, state = @State, state_message = @StateMessage, priority = @Priority, namespace = @Namespace,
                       external_run_id = @ExternalRunId, run_as = @RunAs, parameters = @Parameters, output = @Output, attempt = @Attempt,
                       started_ms = @StartedMs, ended_ms = @EndedMs, version = @Version
                WHERE id = @Id AND version = @Version - 1
                """,
                WorkflowRunRow.From(changed), transaction, cancellationToken: ct));
            if (updated != 1)
            {
                await transaction.RollbackAsync(ct);
                continue;
            }
            if (moved)
            {
                await InsertEventAsync(connection, transaction, id, RunEventKind.State,
                    changed.State is WorkflowRunState.Failed or WorkflowRunState.Crashed or WorkflowRunState.TimedOut ? RunEventLevel.Error : RunEventLevel.Info,
                    changed.State, null, changed.StateMessage ?? $"{current.State.Name()} -> {changed.State.Name()}", ct);
            }
            await transaction.CommitAsync(ct);
            return changed;
        }
    }

    /// <summary>Moves the run to <paramref name="state"/> (with a message); null when that move is not allowed from where it is.</summary>
    public Task<WorkflowRun?> MoveAsync(string id, WorkflowRunState state, string? message, CancellationToken ct) =>
        UpdateAsync(id, run => run with { State = state, StateMessage = message }, ct);

    public async Task<Page<WorkflowRun>> ListAsync(string domainId, WorkflowRunFilter filter, ListQuery query, CancellationToken ct)
    {
        var where = "WHERE domain_id = @DomainId" +
                    (filter.State is null ? "" : " AND state = @State") +
                    (filter.Kind is null ? "" : " AND kind = @Kind") +
                    (filter.JobId is null ? "" : " AND job_id = @JobId") +
                    (filter.ScheduleId is null ? "" : " AND schedule_id = @ScheduleId") +
                    (filter.PipelineId is null ? "" : " AND pipeline_id = @PipelineId") +
                    (filter.ParentRunId is null ? "" : " AND parent_run_id = @ParentRunId") +
                    (filter.Namespace is null ? "" : " AND namespace = @Namespace") +
                    (filter.Trigger is null ? "" : " AND run_trigger = @Trigger") +
                    (filter.From is null ? "" : " AND created_ms >= @FromMs") +
                    (filter.To is null ? "" : " AND created_ms < @ToMs") +
                    (query.SearchPattern is null ? "" : " AND lower(name) LIKE @Pattern ESCAPE '\\'");
        var args = new
        {
            DomainId = domainId,
            State = filter.State?.Name(),
            Kind = filter.Kind is { } kind ? WorkflowRunRow.Upper(kind) : null,
            filter.JobId,
            filter.ScheduleId,
            filter.PipelineId,
            filter.ParentRunId,
            filter.Namespace,
            Trigger = filter.Trigger is { } trigger ? WorkflowRunRow.Upper(trigger) : null,
            FromMs = filter.From?.ToUnixTimeMilliseconds(),
            ToMs = filter.To?.ToUnixTimeMilliseconds(),
            Pattern = query.SearchPattern,
            query.Limit,
            query.Offset,
        };
        await using var connection = await OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM workflow_runs {where}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<WorkflowRunRow>(new CommandDefinition(
            $"SELECT {WorkflowRunRow.Selected} FROM workflow_runs {where} ORDER BY {query.OrderBy}, id LIMIT @Limit OFFSET @Offset", args, cancellationToken: ct));
        return new Page<WorkflowRun>(rows.Select(r => r.ToRun()).ToList(), total, query.Offset, query.Limit);
    }

    /// <summary>Runs of a schedule (or pipeline) that have not ended, oldest first.</summary>
    public async Task<IReadOnlyList<WorkflowRun>> ActiveAsync(string? scheduleId, string? pipelineId, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var terminal = string.Join(", ", WorkflowRunStates.Terminal.Select(s => $"'{s.Name()}'"));
        var rows = await connection.QueryAsync<WorkflowRunRow>(new CommandDefinition(
            $"""
            SELECT {WorkflowRunRow.Selected} FROM workflow_runs
            WHERE state NOT IN ({terminal}) AND (@ScheduleId IS NULL OR schedule_id = @ScheduleId) AND (@PipelineId IS NULL OR pipeline_id = @PipelineId)
              AND parent_run_id IS NULL
            ORDER BY created_ms, id
            """,
            new { ScheduleId = scheduleId, PipelineId = pipelineId }, cancellationToken: ct));
        return rows.Select(r => r.ToRun()).ToList();
    }

    internal Task<DbConnection> OpenAsync(CancellationToken ct) => db.OpenAsync(WorkflowsRegistration.Service, ct);

    internal async Task InsertEventAsync(
        DbConnection connection, DbTransaction? transaction, string runId, RunEventKind kind, RunEventLevel level, WorkflowRunState? state,
        string? taskKey, string message, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO workflow_run_events (run_id, at_ms, kind, level, state, task_key, message) VALUES (@RunId, @AtMs, @Kind, @Level, @State, @TaskKey, @Message)",
            new
            {
                RunId = runId,
                AtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
                Kind = WorkflowRunRow.Upper(kind),
                Level = WorkflowRunRow.Upper(level),
                State = state?.Name(),
                TaskKey = taskKey,
                Message = message,
            },
            transaction, cancellationToken: ct));
}
