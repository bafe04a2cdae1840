using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Iomete.Platform.Data;

/// <summary>Cluster engine: one PostgreSQL database per service, created on first use.</summary>
internal sealed class PostgresMetadataDb : IMetadataDb, IAsyncDisposable
{
    private readonly MetadataDbOptions _options;
    private readonly IReadOnlyDictionary<string, ServiceDatabase> _databases;
    private readonly ConcurrentDictionary<string, Lazy<Task<NpgsqlDataSource>>> _sources = new();

    public PostgresMetadataDb(IOptions<MetadataDbOptions> options, IEnumerable<ServiceDatabase> databases)
    {
        _options = options.Value;
        if (string.IsNullOrWhiteSpace(_options.ConnectionString))
        {
            throw new InvalidOperationException($"{MetadataDbOptions.Section}:ConnectionString is required when Engine is Postgres.");
        }
        _databases = databases.GroupBy(d => d.Service).ToDictionary(g => g.Key, g => g.First());
    }

    public MetadataEngine Engine => MetadataEngine.Postgres;

    public async Task<DbConnection> OpenAsync(string service, CancellationToken ct)
    {
        var source = await _sources.GetOrAdd(service, s => new Lazy<Task<NpgsqlDataSource>>(() => PrepareAsync(s))).Value.WaitAsync(ct);
        return await source.OpenConnectionAsync(ct);
    }

    public bool IsUniqueViolation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>The database name a service gets: prefix + service, lowercase.</summary>
    public string DatabaseName(string service) => (_options.DatabasePrefix + service).ToLowerInvariant().Replace('-', '_');

    private async Task<NpgsqlDataSource> PrepareAsync(string service)
    {
        if (!_databases.TryGetValue(service, out var database))
        {
            throw new InvalidOperationException($"No database is registered for service '{service}'.");
        }
        var name = DatabaseName(service);
        await EnsureDatabaseAsync(name);
        var connectionString = new NpgsqlConnectionStringBuilder(_options.ConnectionString) { Database = name }.ToString();
        await Task.Run(() => MigrationRunner.MigrateUp(MetadataEngine.Postgres, connectionString, database));
        return NpgsqlDataSource.Create(connectionString);
    }

    private async Task EnsureDatabaseAsync(string name)
    {
        var admin = new NpgsqlConnectionStringBuilder(_options.ConnectionString);
        if (string.IsNullOrEmpty(admin.Database))
        {
            admin.Database = "postgres";
        }
        await using var connection = new NpgsqlConnection(admin.ToString());
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(name);
        if (await exists.ExecuteScalarAsync() is not null)
        {
            return;
        }
        try
        {
            // The name is built from a fixed prefix and a registered service name, never user input.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another replica created it first.
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _sources.Values.Where(l => l.IsValueCreated))
        {
            if (lazy.Value.IsCompletedSuccessfully)
            {
                await lazy.Value.Result.DisposeAsync();
            }
        }
    }
}
