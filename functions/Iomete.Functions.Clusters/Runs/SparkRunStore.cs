using System.Data.Common;
using Dapper;
using Iomete.Functions.Clusters.Jobs;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;

namespace Iomete.Functions.Clusters.Runs;

/// <summary>What a run list is narrowed to.</summary>
public sealed record SparkRunFilter(
    string? JobId = null, string? Status = null, string? User = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    string? Tag = null, string? Namespace = null);

/// <summary>Runs in the service database. Every change is compare-and-swap on <c>version</c> (see <see cref="RunTransitions"/>).</summary>
public sealed class SparkRunStore(IMetadataDb db)
{
    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["createdAt"] = "created_ms",
        ["status"] = "status",
        ["jobName"] = "job_name",
    };

    private static readonly string TerminalList = string.Join(", ", RunStatus.Terminal.Select(s => $"'{s}'"));

    public async Task<SparkRun?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<SparkRunRow>(new CommandDefinition(
            $"SELECT {SparkRunRow.Columns} FROM spark_runs WHERE id = @Id", new { Id = id }, cancellationToken: ct));
        return row?.ToRun();
    }

    /// <summary>
    /// Records a new run; with <paramref name="onlyIfIdle"/> only while the job has no active run (false when it has one).
    /// The check and the insert are one statement.
    /// </summary>
    public async Task<bool> InsertAsync(SparkRun run, bool onlyIfIdle, CancellationToken ct)
    {
        var guard = onlyIfIdle ? $" WHERE NOT EXISTS (SELECT 1 FROM spark_runs WHERE job_id = @JobId AND status NOT IN ({TerminalList}))" : "";
        await using var connection = await OpenAsync(ct);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO spark_runs (id, domain_id, job_id, job_name, name, namespace, application_type, config, resource_tags, status, reason,
                                    error_message, operator_state, executors_running, executors_pending, total_executors, submission_attempts,
                                    execution_attempts, spark_ui, triggered_by, run_as_user, max_duration_s, created_ms, started_ms, terminated_ms,
                                    app_deleted, sql_query_id, log, version)
            SELECT @Id, @DomainId, @JobId, @JobName, @Name, @Namespace, @ApplicationType, @Config, @ResourceTags, @Status, @Reason,
                   @ErrorMessage, @OperatorState, @ExecutorsRunning, @ExecutorsPending, @TotalExecutors, @SubmissionAttempts,
                   @ExecutionAttempts, @SparkUi, @TriggeredBy, @RunAsUser, @MaxDurationS, @CreatedMs, @StartedMs, @TerminatedMs,
                   @AppDeleted, @SqlQueryId, @Log, 1{guard}
            """,
            SparkRunRow.From(run), cancellationToken: ct));
        return inserted == 1;
    }

    /// <summary>Writes every mutable field of <paramref name="run"/> if the stored version is still its version; false on a lost race.</summary>
    public async Task<bool> TryUpdateAsync(SparkRun run, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE spark_runs SET status = @Status, reason = @Reason, error_message = @ErrorMessage, operator_state = @OperatorState,
                   executors_running = @ExecutorsRunning, executors_pending = @ExecutorsPending, total_executors = @TotalExecutors,
                   submission_attempts = @SubmissionAttempts, execution_attempts = @ExecutionAttempts, spark_ui = @SparkUi,
                   started_ms = @StartedMs, terminated_ms = @TerminatedMs, app_deleted = @AppDeleted, sql_query_id = @SqlQueryId, log = @Log,
                   version = version + 1
            WHERE id = @Id AND version = @Version
            """,
            SparkRunRow.From(run), cancellationToken: ct));
        return changed == 1;
    }

    public async Task<IReadOnlyList<SparkRun>> ActiveAsync(string jobId, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var rows = await connection.QueryAsync<SparkRunRow>(new CommandDefinition(
            $"SELECT {SparkRunRow.Columns} FROM spark_runs WHERE job_id = @JobId AND status NOT IN ({TerminalList}) ORDER BY created_ms",
            new { JobId = jobId }, cancellationToken: ct));
        return rows.Select(r => r.ToRun()).ToList();
    }

    /// <summary>Active runs whose execution limit has passed at <paramref name="nowMs"/> (measured from the start, or the submission).</summary>
    public async Task<IReadOnlyList<SparkRun>> OverdueAsync(long nowMs, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var rows = await connection.QueryAsync<SparkRunRow>(new CommandDefinition(
            $"""
            SELECT {SparkRunRow.Columns} FROM spark_runs
            WHERE status NOT IN ({TerminalList}) AND max_duration_s IS NOT NULL
              AND COALESCE(started_ms, created_ms) + max_duration_s * 1000 <= @Now
            ORDER BY created_ms LIMIT 500
            """,
            new { Now = nowMs }, cancellationToken: ct));
        return rows.Select(r => r.ToRun()).ToList();
    }

    /// <summary>Finished Spark runs whose application is still on the data plane and ended at or before <paramref name="endedBeforeMs"/>.</summary>
    public async Task<IReadOnlyList<SparkRun>> CollectableAsync(long endedBeforeMs, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var rows = await connection.QueryAsync<SparkRunRow>(new CommandDefinition(
            $"""
            SELECT {SparkRunRow.Columns} FROM spark_runs
            WHERE status IN ({TerminalList}) AND app_deleted = @False AND application_type <> '{JobTemplate.Sql}'
              AND COALESCE(terminated_ms, created_ms) <= @Before
            ORDER BY created_ms LIMIT 500
            """,
            new { Before = endedBeforeMs, False = false }, cancellationToken: ct));
        return rows.Select(r => r.ToRun()).ToList();
    }

    public async Task<Page<SparkRun>> ListAsync(string domainId, SparkRunFilter filter, ListQuery query, CancellationToken ct)
    {
        var where = "WHERE domain_id = @DomainId" +
                    (filter.JobId is null ? "" : " AND job_id = @JobId") +
                    (filter.Status is null ? "" : " AND status = @Status") +
                    (filter.User is null ? "" : " AND (run_as_user = @User OR triggered_by = @User)") +
                    (filter.From is null ? "" : " AND created_ms >= @FromMs") +
                    (filter.To is null ? "" : " AND created_ms < @ToMs") +
                    (filter.Tag is null ? "" : " AND resource_tags LIKE @TagPattern") +
                    (filter.Namespace is null ? "" : " AND namespace = @Namespace") +
                    (query.SearchPattern is null ? "" : " AND lower(job_name) LIKE @Pattern ESCAPE '\\'");
        var args = new
        {
            DomainId = domainId,
            filter.JobId,
            filter.Status,
            filter.User,
            FromMs = filter.From?.ToUnixTimeMilliseconds(),
            ToMs = filter.To?.ToUnixTimeMilliseconds(),
            TagPattern = filter.Tag is null ? null : SparkJobStore.TagPattern(filter.Tag),
            filter.Namespace,
            Pattern = query.SearchPattern,
            query.Limit,
            query.Offset,
        };
        await using var connection = await OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM spark_runs {where}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<SparkRunRow>(new CommandDefinition(
            $"SELECT {SparkRunRow.Columns} FROM spark_runs {where} ORDER BY {query.OrderBy}, id LIMIT @Limit OFFSET @Offset", args, cancellationToken: ct));
        return new Page<SparkRun>(rows.Select(r => r.ToRun()).ToList(), total, query.Offset, query.Limit);
    }

    public static SparkRun Require(SparkRun? run, string id) => run ?? throw new NotFoundException("Spark run", id);

    private Task<DbConnection> OpenAsync(CancellationToken ct) => db.OpenAsync(ClustersRegistration.Service, ct);
}
