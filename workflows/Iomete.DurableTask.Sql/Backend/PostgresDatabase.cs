using System.Data.Common;
using Npgsql;

namespace Iomete.DurableTask.Sql.Backend;

/// <summary>PostgreSQL: pooled connections, READ COMMITTED transactions, <c>FOR UPDATE SKIP LOCKED</c> dequeues.</summary>
internal sealed class PostgresDatabase(string connectionString) : SqlDatabase
{
    // Serializes concurrent schema creation across processes (CREATE TABLE IF NOT EXISTS races on the catalog).
    private const long SchemaLockKey = 0x4454_5351_4C00;

    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    public override string AutoIncrementKey => "BIGSERIAL PRIMARY KEY";

    public override string In(string column, string parameter) => $"{column} = ANY(@{parameter})";

    public override string SkipLocked(string? table) =>
        table is null ? " FOR UPDATE SKIP LOCKED" : $" FOR UPDATE OF {table} SKIP LOCKED";

    public override async Task<DbConnection> OpenReadAsync(CancellationToken ct) => await _source.OpenConnectionAsync(ct);

    public override async Task<WriteScope> BeginWriteAsync(CancellationToken ct)
    {
        var connection = await _source.OpenConnectionAsync(ct);
        try
        {
            var transaction = await connection.BeginTransactionAsync(ct);
            return new WriteScope(connection, transaction, connection.DisposeAsync);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override async Task CreateSchemaAsync(IReadOnlyList<string> statements, CancellationToken ct)
    {
        await using var scope = await BeginWriteAsync(ct);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", (NpgsqlConnection)scope.Connection, (NpgsqlTransaction)scope.Transaction))
        {
            take.Parameters.AddWithValue("key", SchemaLockKey);
            await take.ExecuteNonQueryAsync(ct);
        }
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)scope.Connection, (NpgsqlTransaction)scope.Transaction);
            await command.ExecuteNonQueryAsync(ct);
        }
        await scope.CommitAsync(ct);
    }

    public override bool IsUniqueViolation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override ValueTask DisposeAsync() => _source.DisposeAsync();
}
