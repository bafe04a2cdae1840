using System.Data.Common;

namespace Iomete.DurableTask.Sql.Backend;

/// <summary>
/// What differs between the two databases: how connections and write transactions are obtained, the
/// row-locking clause of the dequeue queries, and the DDL. Everything else is shared SQL.
/// </summary>
internal abstract class SqlDatabase : IAsyncDisposable
{
    public static SqlDatabase Create(SqlOrchestrationServiceSettings settings) => settings.Provider switch
    {
        SqlProvider.Postgres => new PostgresDatabase(settings.ConnectionString),
        SqlProvider.Sqlite => new SqliteDatabase(settings.ConnectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "Unknown provider."),
    };

    /// <summary>The clause that makes competing dequeues skip each other's rows ("" where writers are serialized).</summary>
    public abstract string SkipLocked(string? table);

    /// <summary>"column is one of the array parameter's values".</summary>
    public abstract string In(string column, string parameter);

    /// <summary>Type of an auto-numbered primary key column.</summary>
    public abstract string AutoIncrementKey { get; }

    /// <summary>An open connection for reads outside a transaction; dispose it when done.</summary>
    public abstract Task<DbConnection> OpenReadAsync(CancellationToken ct);

    /// <summary>A write transaction; the changes are kept only when <see cref="WriteScope.CommitAsync"/> runs.</summary>
    public abstract Task<WriteScope> BeginWriteAsync(CancellationToken ct);

    /// <summary>Runs the DDL once even when several processes start at the same time.</summary>
    public abstract Task CreateSchemaAsync(IReadOnlyList<string> statements, CancellationToken ct);

    /// <summary>Whether the exception is a primary key or unique constraint violation.</summary>
    public abstract bool IsUniqueViolation(Exception exception);

    public abstract ValueTask DisposeAsync();
}

/// <summary>A connection with an open transaction, and whatever must be released with it.</summary>
internal sealed class WriteScope(DbConnection connection, DbTransaction transaction, Func<ValueTask> release) : IAsyncDisposable
{
    private bool _disposed;

    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    public Task CommitAsync(CancellationToken ct) => Transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        try
        {
            await Transaction.DisposeAsync();
        }
        finally
        {
            await release();
        }
    }
}
