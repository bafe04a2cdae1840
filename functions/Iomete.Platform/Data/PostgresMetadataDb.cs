using System.Data.Common;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Iomete.Platform.Data;

/// <summary>Cluster engine: one PostgreSQL database per service, created on first use.</summary>
internal sealed class PostgresMetadataDb : IMetadataDb, IAsyncDisposable
{
    private const int MaxDatabaseNameLength = 63;

    private readonly MetadataDbOptions _options;
    private readonly PreparedServices<NpgsqlDataSource> _services;

    public PostgresMetadataDb(IOptions<MetadataDbOptions> options, IEnumerable<ServiceDatabase> databases)
    {
        _options = options.Value;
        if (string.IsNullOrWhiteSpace(_options.ConnectionString))
        {
            throw new InvalidOperationException($"{MetadataDbOptions.Section}:ConnectionString is required when Engine is Postgres.");
        }
        _services = new PreparedServices<NpgsqlDataSource>(databases);
    }

    public MetadataEngine Engine => MetadataEngine.Postgres;

    public async Task<DbConnection> OpenAsync(string service, CancellationToken ct)
    {
        var source = await _services.GetAsync(service, PrepareAsync, ct);
        return await source.OpenConnectionAsync(ct);
    }

    public async Task<string> ConnectionStringAsync(string service, CancellationToken ct)
    {
        await _services.GetAsync(service, PrepareAsync, ct);
        return new NpgsqlConnectionStringBuilder(_options.ConnectionString) { Database = DatabaseName(service) }.ToString();
    }

    public bool IsUniqueViolation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>The database name a service gets: prefix + service, lowercase, '-' as '_'.</summary>
    public string DatabaseName(string service)
    {
        var name = (_options.DatabasePrefix + service).ToLowerInvariant().Replace('-', '_');
        if (name.Length > MaxDatabaseNameLength || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_')))
        {
            throw new InvalidOperationException($"Database name '{name}' must be at most {MaxDatabaseNameLength} letters, digits or '_'; check {MetadataDbOptions.Section}:DatabasePrefix.");
        }
        return name;
    }

    private async Task<NpgsqlDataSource> PrepareAsync(ServiceDatabase database)
    {
        var name = DatabaseName(database.Service);
        var admin = new NpgsqlConnectionStringBuilder(_options.ConnectionString) { Pooling = false };
        if (string.IsNullOrEmpty(admin.Database))
        {
            admin.Database = "postgres";
        }
        var connectionString = new NpgsqlConnectionStringBuilder(_options.ConnectionString) { Database = name }.ToString();

        // Replicas starting together serialise on a server-wide advisory lock: one creates the
        // database and runs the migrations, the others then find both done.
        await using var connection = new NpgsqlConnection(admin.ToString());
        await connection.OpenAsync();
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext($1))", connection))
        {
            lockCommand.Parameters.AddWithValue("iomete-metadata:" + name);
            await lockCommand.ExecuteNonQueryAsync();
        }
        await EnsureDatabaseAsync(connection, name);
        await Task.Run(() => MigrationRunner.MigrateUp(MetadataEngine.Postgres, connectionString, database));
        // Closing the session releases the advisory lock.
        return NpgsqlDataSource.Create(connectionString);
    }

    private static async Task EnsureDatabaseAsync(NpgsqlConnection connection, string name)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(name);
        if (await exists.ExecuteScalarAsync() is not null)
        {
            return;
        }
        try
        {
            // The name is checked by DatabaseName: letters, digits and '_' only.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Created by a process that does not take the lock (an older version, an operator).
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _services.Ready)
        {
            await source.DisposeAsync();
        }
    }
}
