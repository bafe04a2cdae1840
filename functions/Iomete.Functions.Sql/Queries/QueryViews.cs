using Iomete.Engine.Sessions;

namespace Iomete.Functions.Sql.Queries;

/// <summary>A result column: its name and its SQL type as the engine reports it (e.g. <c>DECIMAL(12,2)</c>).</summary>
public sealed record ResultColumn(string Name, string Type);

/// <summary>Why a query failed: the engine's message, a stable code, and the 0-based character position for syntax errors.</summary>
public sealed record QueryError(string Message, string Code, int? Position);

/// <summary>A query as the API shows it.</summary>
public sealed record QueryView(
    string Id,
    string Domain,
    string UserId,
    string Query,
    string ComputeCluster,
    string? Catalog,
    string? Database,
    int? Limit,
    QueryStatus Status,
    StatementKind? StatementKind,
    long? RowsAffected,
    long? ResultRowCount,
    bool Truncated,
    IReadOnlyList<ResultColumn>? Columns,
    string? Message,
    QueryError? Error,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    long? DurationMs,
    DateTimeOffset? ResultExpiresAt)
{
    /// <summary>Progress of a running statement in [0, 1] when the engine knows it.</summary>
    public double? Progress { get; init; }

    /// <summary>The user who cancelled or terminated the query, when it was cancelled.</summary>
    public string? CancelledBy { get; init; }
}

/// <summary>The answer to a submission that did not wait (or did not finish within the wait).</summary>
public sealed record QuerySubmitted(string Id, QueryStatus Status);
