using System.Text.Json;
using Iomete.Engine.Sessions;
using Iomete.Platform.Http;

namespace Iomete.Functions.Sql.Queries;

/// <summary>One row of <c>sql_queries</c> as Dapper reads it.</summary>
public sealed class QueryRow
{
    public const string Columns =
        "id AS Id, domain AS Domain, user_id AS UserId, query_text AS QueryText, compute AS Compute, catalog AS Catalog, " +
        "database_name AS DatabaseName, row_limit AS RowLimit, status AS Status, version AS Version, statement_kind AS StatementKind, " +
        "rows_affected AS RowsAffected, result_rows AS ResultRows, truncated AS Truncated, columns AS ColumnsJson, message AS Message, " +
        "error_message AS ErrorMessage, error_code AS ErrorCode, error_position AS ErrorPosition, result_key AS ResultKey, " +
        "submitted_ms AS SubmittedMs, started_ms AS StartedMs, finished_ms AS FinishedMs, expires_ms AS ExpiresMs, cancelled_by AS CancelledBy";

    public string Id { get; set; } = "";
    public string Domain { get; set; } = "";
    public string UserId { get; set; } = "";
    public string QueryText { get; set; } = "";
    public string Compute { get; set; } = "";
    public string? Catalog { get; set; }
    public string? DatabaseName { get; set; }
    public int? RowLimit { get; set; }
    public string Status { get; set; } = "";
    public long Version { get; set; }
    public string? StatementKind { get; set; }
    public long? RowsAffected { get; set; }
    public long? ResultRows { get; set; }
    public bool Truncated { get; set; }
    public string? ColumnsJson { get; set; }
    public string? Message { get; set; }
    public string? ErrorMessage { get; set; }
    public string? ErrorCode { get; set; }
    public int? ErrorPosition { get; set; }
    public string? ResultKey { get; set; }
    public long SubmittedMs { get; set; }
    public long? StartedMs { get; set; }
    public long? FinishedMs { get; set; }
    public long? ExpiresMs { get; set; }
    public string? CancelledBy { get; set; }

    public QueryStatus ParsedStatus => QueryStatuses.FromCode(Status)
        ?? throw new InvalidOperationException($"Unknown query status '{Status}' in the database.");

    public IReadOnlyList<ResultColumn>? ParsedColumns =>
        ColumnsJson is null ? null : JsonSerializer.Deserialize<List<ResultColumn>>(ColumnsJson, Json.Options);

    public QueryView ToView() => new(
        Id, Domain, UserId, QueryText, Compute, Catalog, DatabaseName, RowLimit, ParsedStatus,
        StatementKind is not null && Enum.TryParse<StatementKind>(StatementKind, out var kind) ? kind : null,
        RowsAffected, ResultRows, Truncated, ParsedColumns, Message,
        ErrorMessage is null ? null : new QueryError(ErrorMessage, ErrorCode ?? "INTERNAL_ERROR", ErrorPosition),
        At(SubmittedMs), StartedMs is { } s ? At(s) : null, FinishedMs is { } f ? At(f) : null,
        StartedMs is { } start && FinishedMs is { } end ? end - start : null,
        ExpiresMs is { } e ? At(e) : null)
    {
        CancelledBy = CancelledBy,
    };

    private static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
