using System.Data.Common;
using Iomete.Engine.Catalogs;

namespace Iomete.Engine.Sessions;

/// <summary>The embedded SQL engine: DuckDB sessions over the lakehouse catalog's Iceberg tables.</summary>
public interface ISqlEngine
{
    /// <summary>Opens a session that reaches the catalog as one caller (the catalog client carries the caller's credentials).</summary>
    Task<ISqlSession> OpenSessionAsync(SqlSessionOptions options, CancellationToken ct);
}

/// <param name="Catalog">The caller's view of the lakehouse catalog.</param>
/// <param name="CurrentCatalog">The catalog unqualified names resolve in (<c>USE</c> changes it).</param>
/// <param name="CurrentDatabase">The database unqualified names resolve in (<c>USE</c> changes it).</param>
/// <param name="Policy">Rewrites every table reference (row filters, column masks); null reads tables as they are.</param>
/// <param name="Threads">DuckDB threads for this session (null = the engine's default).</param>
/// <param name="MemoryLimit">DuckDB memory limit such as <c>4GB</c> (null = the engine's default).</param>
/// <param name="PoolKey">Who the session is for (e.g. the user id): sessions with the same key may reuse an idle DuckDB connection.</param>
public sealed record SqlSessionOptions(
    ILakehouseCatalog Catalog,
    string? CurrentCatalog,
    string? CurrentDatabase,
    ITablePolicy? Policy = null,
    int? Threads = null,
    string? MemoryLimit = null,
    string? PoolKey = null);

/// <summary>One caller's SQL session: one DuckDB connection, the current catalog and database, one statement at a time.</summary>
public interface ISqlSession : IAsyncDisposable
{
    string? CurrentCatalog { get; }

    string? CurrentDatabase { get; }

    /// <summary>Progress of the running statement in [0, 1], or null when unknown or idle.</summary>
    double? Progress { get; }

    /// <summary>
    /// Runs exactly one statement. When it yields rows (queries, SHOW, DESCRIBE, EXPLAIN), <paramref name="consumeRows"/>
    /// is called once with a reader that is valid only during the call. Cancelling <paramref name="ct"/> interrupts
    /// DuckDB and throws <see cref="OperationCanceledException"/>; a write that was not committed leaves no trace.
    /// </summary>
    /// <exception cref="SqlException">The statement is malformed, refused, names something missing, or failed.</exception>
    Task<StatementResult> ExecuteAsync(string sql, Func<DbDataReader, CancellationToken, Task> consumeRows, CancellationToken ct);
}

/// <param name="Kind">What kind of statement ran.</param>
/// <param name="RowsAffected">Rows inserted, updated, deleted or merged; null for statements that change no rows.</param>
/// <param name="Message">A short human summary, e.g. <c>Inserted 3 rows into spark_catalog.db.t (snapshot 123)</c>.</param>
public sealed record StatementResult(StatementKind Kind, long? RowsAffected, string? Message);

public enum StatementKind
{
    Query,
    Show,
    Describe,
    Explain,
    Use,
    Insert,
    InsertOverwrite,
    Update,
    Delete,
    Merge,
    CreateTable,
    CreateTableAsSelect,
    AlterTable,
    DropTable,
    CreateView,
    DropView,
    CreateDatabase,
    DropDatabase,
}
