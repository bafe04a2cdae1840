using System.Data.Common;
using System.Text.Json;
using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Http;

namespace Iomete.Functions.Sql.Queries;

/// <param name="RowLimit">Rows to keep; null keeps all.</param>
public sealed record QueryDraft(
    string Id, string Domain, string UserId, string Query, string Compute, string? Catalog, string? Database, int? RowLimit);

/// <summary>What a finished statement left behind.</summary>
public sealed record QueryOutcome(
    string StatementKind, long? RowsAffected, long? ResultRows, bool Truncated,
    IReadOnlyList<ResultColumn>? Columns, string? Message, string? ResultKey, long? ExpiresMs);

/// <summary>The query records. Every status change is a compare-and-swap on the current status.</summary>
public sealed partial class QueryStore(IMetadataDb db, TimeProvider clock, QueryStateEvents events)
{
    private static readonly string[] Unfinished = ["SUBMITTED", "RUNNING", "CANCELLING"];

    public long NowMs => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task InsertAsync(QueryDraft draft, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO sql_queries (id, domain, user_id, query_text, compute, catalog, database_name, row_limit, status, version, truncated, submitted_ms)
            VALUES (@Id, @Domain, @UserId, @Query, @Compute, @Catalog, @Database, @RowLimit, 'SUBMITTED', 1, @False, @Now)
            """,
            new { draft.Id, draft.Domain, draft.UserId, draft.Query, draft.Compute, draft.Catalog, draft.Database, draft.RowLimit, False = false, Now = NowMs },
            cancellationToken: ct));
        await events.PublishAsync(
            new QueryStateRow { Id = draft.Id, Domain = draft.Domain, UserId = draft.UserId, Compute = draft.Compute, Status = "SUBMITTED" },
            null, "SUBMITTED", ct);
    }

    public async Task<QueryRow?> FindAsync(string id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<QueryRow>(new CommandDefinition(
            $"SELECT {QueryRow.Columns} FROM sql_queries WHERE id = @Id", new { Id = id }, cancellationToken: ct));
    }

    /// <summary>SUBMITTED → RUNNING; false when the query was cancelled (or finished) meanwhile.</summary>
    public Task<bool> TryStartAsync(string id, CancellationToken ct) =>
        UpdateAsync("RUNNING", "started_ms = @Now", id, ["SUBMITTED"], new { }, ct);

    /// <summary>RUNNING → COMPLETED with the outcome.</summary>
    public Task<bool> TryCompleteAsync(string id, QueryOutcome outcome, CancellationToken ct) =>
        UpdateAsync(
            "COMPLETED", "finished_ms = @Now, statement_kind = @StatementKind, rows_affected = @RowsAffected, result_rows = @ResultRows, " +
            "truncated = @Truncated, columns = @ColumnsJson, message = @Message, result_key = @ResultKey, expires_ms = @ExpiresMs",
            id, ["RUNNING"],
            new
            {
                outcome.StatementKind, outcome.RowsAffected, outcome.ResultRows, outcome.Truncated, outcome.Message, outcome.ResultKey, outcome.ExpiresMs,
                ColumnsJson = outcome.Columns is null ? null : JsonSerializer.Serialize(outcome.Columns, Json.Options),
            },
            ct);

    /// <summary>Any of <paramref name="from"/> → FAILED with the error.</summary>
    public Task<bool> TryFailAsync(string id, IReadOnlyList<string> from, QueryError error, CancellationToken ct) =>
        UpdateAsync(
            "FAILED", "finished_ms = @Now, error_message = @ErrorMessage, error_code = @ErrorCode, error_position = @ErrorPosition, " +
            "started_ms = COALESCE(started_ms, @Now)",
            id, from, new { ErrorMessage = error.Message, ErrorCode = error.Code, ErrorPosition = error.Position }, ct);

    /// <summary>SUBMITTED → CANCELLED: a query that has not started has nothing to interrupt.</summary>
    public Task<bool> TryCancelQueuedAsync(string id, string cancelledBy, CancellationToken ct) =>
        UpdateAsync("CANCELLED", "finished_ms = @Now, cancelled_by = @By", id, ["SUBMITTED"], new { By = cancelledBy }, ct);

    /// <summary>RUNNING → CANCELLING.</summary>
    public Task<bool> TryRequestCancelAsync(string id, string cancelledBy, CancellationToken ct) =>
        UpdateAsync("CANCELLING", "cancelled_by = @By", id, ["RUNNING"], new { By = cancelledBy }, ct);

    /// <summary>CANCELLING → CANCELLED.</summary>
    public Task<bool> TryCancelledAsync(string id, CancellationToken ct) =>
        UpdateAsync("CANCELLED", "finished_ms = @Now, started_ms = COALESCE(started_ms, @Now)", id, ["CANCELLING"], new { }, ct);

    /// <summary>COMPLETED → RESULT_EXPIRED (the stored result is gone).</summary>
    public Task<bool> TryExpireAsync(string id, CancellationToken ct) =>
        UpdateAsync("RESULT_EXPIRED", "result_key = NULL", id, ["COMPLETED"], new { }, ct);

    /// <summary>
    /// Marks what a previous process left unfinished: SUBMITTED and RUNNING become FAILED, CANCELLING becomes CANCELLED.
    /// The SQL service runs as one replica (as IOMETE's does), so nothing else can be running them.
    /// </summary>
    public async Task<int> RecoverInterruptedAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var args = new { Now = NowMs, Message = "The query was interrupted by a restart of the SQL service.", Code = SqlErrorCodes.Interrupted };
        var failed = (await connection.QueryAsync<QueryStateRow>(new CommandDefinition(
            $"""
            UPDATE sql_queries SET status = 'FAILED', version = version + 1, finished_ms = @Now, started_ms = COALESCE(started_ms, @Now),
                error_message = @Message, error_code = @Code
            WHERE status IN ('SUBMITTED', 'RUNNING') {QueryStateRow.Returning}
            """, args, cancellationToken: ct))).ToList();
        var cancelled = (await connection.QueryAsync<QueryStateRow>(new CommandDefinition(
            $"UPDATE sql_queries SET status = 'CANCELLED', version = version + 1, finished_ms = @Now, started_ms = COALESCE(started_ms, @Now) WHERE status = 'CANCELLING' {QueryStateRow.Returning}",
            args, cancellationToken: ct))).ToList();
        foreach (var row in failed.Concat(cancelled))
        {
            await events.PublishAsync(row, null, row.Status, ct);
        }
        return failed.Count + cancelled.Count;
    }

    /// <summary>Completed queries whose results expired at <paramref name="nowMs"/>.</summary>
    public async Task<IReadOnlyList<QueryRow>> ExpiredAsync(long nowMs, int max, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var rows = await connection.QueryAsync<QueryRow>(new CommandDefinition(
            $"SELECT {QueryRow.Columns} FROM sql_queries WHERE status = 'COMPLETED' AND expires_ms IS NOT NULL AND expires_ms <= @Now ORDER BY expires_ms LIMIT @Max",
            new { Now = nowMs, Max = max }, cancellationToken: ct));
        return rows.ToList();
    }

    public static bool IsUnfinished(string status) => Unfinished.Contains(status);

    /// <summary>Moves the query to <paramref name="to"/> when its status is one of <paramref name="from"/>, and publishes the change.</summary>
    private async Task<bool> UpdateAsync(string to, string set, string id, IReadOnlyList<string> from, object extra, CancellationToken ct)
    {
        var args = new DynamicParameters(extra);
        args.Add("Id", id);
        args.Add("Now", NowMs);
        args.Add("To", to);
        var statuses = InList(args, "From", from);
        QueryStateRow? changed;
        await using (var connection = await OpenAsync(ct))
        {
            changed = await connection.QuerySingleOrDefaultAsync<QueryStateRow>(new CommandDefinition(
                $"UPDATE sql_queries SET status = @To, {set}, version = version + 1 WHERE id = @Id AND status IN {statuses} {QueryStateRow.Returning}",
                args, cancellationToken: ct));
        }
        if (changed is null)
        {
            return false;
        }
        await events.PublishAsync(changed, from.Count == 1 ? from[0] : null, to, ct);
        return true;
    }

    /// <summary>
    /// An <c>IN</c> list with one named parameter per value: Dapper hands a list to Npgsql as one array
    /// parameter, which PostgreSQL does not accept after <c>IN</c>.
    /// </summary>
    internal static string InList(DynamicParameters args, string name, IReadOnlyList<string> values)
    {
        var names = new List<string>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            args.Add($"{name}{i}", values[i]);
            names.Add($"@{name}{i}");
        }
        return "(" + string.Join(", ", names) + ")";
    }

    private Task<DbConnection> OpenAsync(CancellationToken ct) => db.OpenAsync(SqlRegistration.Service, ct);
}
