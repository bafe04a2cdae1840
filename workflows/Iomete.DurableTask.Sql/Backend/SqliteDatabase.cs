using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Iomete.DurableTask.Sql.Backend;

/// <summary>
/// SQLite in WAL mode: this process writes through one connection, one transaction at a time
/// (<c>BEGIN IMMEDIATE</c>, so another process waits on the busy timeout instead of failing mid-transaction);
/// reads use pooled connections and run beside the writer.
/// </summary>
internal sealed class SqliteDatabase : SqlDatabase
{
    private const int BusyTimeoutMs = 10_000;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private SqliteConnection? _writeConnection;

    public SqliteDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Pooling = true,
            DefaultTimeout = BusyTimeoutMs / 1000,
        };
        _connectionString = builder.ToString();
    }

    public override string AutoIncrementKey => "INTEGER PRIMARY KEY AUTOINCREMENT";

    // Dapper expands the list into one parameter per value.
    public override string In(string column, string parameter) => $"{column} IN @{parameter}";

    public override string SkipLocked(string? table) => "";

    public override async Task<DbConnection> OpenReadAsync(CancellationToken ct) => await OpenAsync(ct);

    public override async Task<WriteScope> BeginWriteAsync(CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            _writeConnection ??= await OpenAsync(ct);
            // Microsoft.Data.Sqlite starts a non-deferred transaction with BEGIN IMMEDIATE.
            var transaction = _writeConnection.BeginTransaction(deferred: false);
            return new WriteScope(_writeConnection, transaction, ReleaseWriter);
        }
        catch
        {
            await DropWriteConnectionAsync();
            _writer.Release();
            throw;
        }
    }

    public override async Task CreateSchemaAsync(IReadOnlyList<string> statements, CancellationToken ct)
    {
        await using (var connection = await OpenAsync(ct))
        {
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(ct);
        }
        await using var scope = await BeginWriteAsync(ct);
        foreach (var sql in statements)
        {
            await using var command = scope.Connection.CreateCommand();
            command.Transaction = scope.Transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(ct);
        }
        await scope.CommitAsync(ct);
    }

    public override bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 19 }; // SQLITE_CONSTRAINT

    public override async ValueTask DisposeAsync()
    {
        await _writer.WaitAsync();
        try
        {
            await DropWriteConnectionAsync();
        }
        finally
        {
            _writer.Release();
        }
    }

    private ValueTask ReleaseWriter()
    {
        _writer.Release();
        return ValueTask.CompletedTask;
    }

    private async Task DropWriteConnectionAsync()
    {
        if (_writeConnection is { } connection)
        {
            _writeConnection = null;
            await connection.DisposeAsync();
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var pragmas = connection.CreateCommand();
            // NORMAL is durable in WAL mode except for the last commits before a power cut (not a process crash).
            pragmas.CommandText = $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={BusyTimeoutMs};";
            await pragmas.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
