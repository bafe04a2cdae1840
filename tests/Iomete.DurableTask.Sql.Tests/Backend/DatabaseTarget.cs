using Iomete.DurableTask.Sql.Backend;
using Iomete.Testing;
using Npgsql;

namespace Iomete.DurableTask.Sql.Tests.Backend;

/// <summary>A database the contract suite runs against; every task hub gets its own table prefix in it.</summary>
public abstract class DatabaseTarget : IAsyncLifetime
{
    private int _hubs;

    public abstract SqlProvider Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>Settings for a new, empty task hub (a fresh table prefix) with quick test timings.</summary>
    public SqlOrchestrationServiceSettings NewHub(TimeSpan? lease = null) => new()
    {
        Provider = Provider,
        ConnectionString = ConnectionString,
        TablePrefix = $"h{Interlocked.Increment(ref _hubs)}_",
        LeaseDuration = lease ?? TimeSpan.FromSeconds(60),
    };

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();
}

public sealed class SqliteTarget : DatabaseTarget
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "iomete-dt-" + Guid.NewGuid().ToString("N")[..10]);

    public override SqlProvider Provider => SqlProvider.Sqlite;

    public override string ConnectionString => $"Data Source={Path.Combine(_folder, "hub.db")}";

    public override Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pooled connection; the temp folder is cleaned eventually.
        }
        return Task.CompletedTask;
    }
}

/// <summary>A fresh database on the shared test PostgreSQL server for the test class.</summary>
public sealed class PostgresTarget : DatabaseTarget
{
    private string _connectionString = "";

    public override SqlProvider Provider => SqlProvider.Postgres;

    public override string ConnectionString => _connectionString;

    public override async Task InitializeAsync()
    {
        if (PostgresServer.MissingReason() is not null && !Requires.InCi)
        {
            return; // Every test of the class is skipped with the reason.
        }
        var server = await PostgresServer.SharedAsync();
        var database = "dt_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        _connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionStringFor(database)) { MaxPoolSize = 40 }.ToString();
    }

    public override Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}
