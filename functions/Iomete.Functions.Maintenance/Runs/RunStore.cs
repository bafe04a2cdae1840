using System.Data.Common;
using Dapper;
using Iomete.Functions.Maintenance.Settings;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;

namespace Iomete.Functions.Maintenance.Runs;

/// <summary>What a run list is narrowed to.</summary>
public sealed record RunFilter(
    string? Catalog = null, string? Database = null, string? Table = null, MaintenanceOperation? Operation = null, MaintenanceRunState? State = null);

/// <summary>A state change to apply when the run is still in <see cref="From"/> (compare-and-swap on the state).</summary>
internal sealed record RunMove(
    MaintenanceRunState From, MaintenanceRunState To, string? Reason = null, string? Summary = null, TableMetrics? Before = null, TableMetrics? After = null);

/// <summary>Maintenance runs in the service database; state changes are compare-and-swap on the state.</summary>
public sealed class RunStore(IMetadataDb db, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["createdAt"] = "created_ms",
        ["state"] = "state",
        ["operation"] = "operation",
    };

    public long NowMs => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Records a PENDING run; 409 when the table already has an active run of that operation.</summary>
    public async Task<MaintenanceRun> InsertAsync(MaintenanceRun run, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO maintenance_runs (id, domain_id, catalog, database_name, table_name, operation, state, trigger_kind, created_by,
                                              cancel_requested, created_ms, active_key)
                VALUES (@Id, @DomainId, @Catalog, @Database, @Table, @Operation, @State, @Trigger, @CreatedBy, @Cancel, @CreatedMs, @ActiveKey)
                """,
                new
                {
                    run.Id, DomainId = run.Domain, run.Catalog, run.Database, run.Table, Operation = run.Operation.Name(), State = RunRow.Stored(run.State),
                    Trigger = run.Trigger.ToString().ToUpperInvariant(), run.CreatedBy, Cancel = false, CreatedMs = run.CreatedAt.ToUnixTimeMilliseconds(),
                    ActiveKey = RunRow.ActiveKey(run.Catalog, run.Database, run.Table, run.Operation),
                },
                cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException(
                $"A {run.Operation.Name()} run is already active on {run.Catalog}.{run.Database}.{run.Table}; wait for it to end (one active run per table and operation).");
        }
        return run;
    }

    public async Task<MaintenanceRun?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<RunRow>(new CommandDefinition(
            $"SELECT {RunRow.Columns} FROM maintenance_runs WHERE id = @Id", new { Id = id }, cancellationToken: ct));
        return row?.ToRun();
    }

    public async Task<Page<MaintenanceRun>> ListAsync(RunFilter filter, ListQuery query, CancellationToken ct)
    {
        var where = "WHERE 1 = 1" +
            (filter.Catalog is null ? "" : " AND catalog = @Catalog") +
            (filter.Database is null ? "" : " AND database_name = @Database") +
            (filter.Table is null ? "" : " AND table_name = @Table") +
            (filter.Operation is null ? "" : " AND operation = @Operation") +
            (filter.State is null ? "" : " AND state = @State");
        var args = new
        {
            filter.Catalog, filter.Database, filter.Table, Operation = filter.Operation?.Name(),
            State = filter.State is { } s ? RunRow.Stored(s) : null, query.Limit, query.Offset,
        };
        await using var connection = await OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM maintenance_runs {where}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<RunRow>(new CommandDefinition(
            $"SELECT {RunRow.Columns} FROM maintenance_runs {where} ORDER BY {query.OrderBy}, id LIMIT @Limit OFFSET @Offset", args, cancellationToken: ct));
        return new Page<MaintenanceRun>(rows.Select(r => r.ToRun()).ToList(), total, query.Offset, query.Limit);
    }

    /// <summary>When each operation last started on each table of a catalog (for the cooldown), and which are active now.</summary>
    public async Task<IReadOnlyList<(string Database, string Table, MaintenanceOperation Operation, long LastCreatedMs, bool Active)>> LatestOfCatalogAsync(
        string catalog, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Database, string Table, string Operation, long LastCreatedMs, long Active)>(new CommandDefinition(
            """
            SELECT database_name, table_name, operation, MAX(created_ms), SUM(CASE WHEN active_key IS NULL THEN 0 ELSE 1 END)
            FROM maintenance_runs WHERE catalog = @Catalog GROUP BY database_name, table_name, operation
            """,
            new { Catalog = catalog }, cancellationToken: ct));
        return rows.Select(r => (r.Database, r.Table, MaintenanceOperations.Parse(r.Operation)!.Value, r.LastCreatedMs, r.Active > 0)).ToList();
    }

    /// <summary>Applies the move when the run is still in its <c>From</c> state; null when it is not (someone else moved it).</summary>
    internal async Task<MaintenanceRun?> MoveAsync(string id, RunMove move, CancellationToken ct)
    {
        var now = NowMs;
        var terminal = move.To is MaintenanceRunState.Completed or MaintenanceRunState.Failed;
        await using var connection = await OpenAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE maintenance_runs SET state = @To,
                   reason = COALESCE(@Reason, reason), summary = COALESCE(@Summary, summary),
                   before_metrics = COALESCE(@Before, before_metrics), after_metrics = COALESCE(@After, after_metrics),
                   started_ms = {(move.To == MaintenanceRunState.Running ? "@Now" : "started_ms")},
                   heartbeat_ms = {(move.To == MaintenanceRunState.Running ? "@Now" : "heartbeat_ms")},
                   ended_ms = {(terminal ? "@Now" : "ended_ms")},
                   active_key = {(terminal ? "NULL" : "active_key")}
            WHERE id = @Id AND state = @From
            """,
            new
            {
                Id = id, From = RunRow.Stored(move.From), To = RunRow.Stored(move.To), move.Reason, move.Summary,
                Before = RunRow.Stored(move.Before), After = RunRow.Stored(move.After), Now = now,
            },
            cancellationToken: ct));
        return changed == 1 ? await GetAsync(id, ct) : null;
    }

    /// <summary>The executor is alive; returns whether a cancel was asked for.</summary>
    public async Task<bool> HeartbeatAsync(string id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE maintenance_runs SET heartbeat_ms = @Now WHERE id = @Id AND state = @Running",
            new { Id = id, Now = NowMs, Running = RunRow.Stored(MaintenanceRunState.Running) }, cancellationToken: ct));
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT cancel_requested FROM maintenance_runs WHERE id = @Id", new { Id = id }, cancellationToken: ct));
    }

    public async Task RequestCancelAsync(string id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE maintenance_runs SET cancel_requested = @Yes WHERE id = @Id", new { Id = id, Yes = true }, cancellationToken: ct));
    }

    private Task<DbConnection> OpenAsync(CancellationToken ct) => db.OpenAsync(MaintenanceRegistration.Service, ct);
}
