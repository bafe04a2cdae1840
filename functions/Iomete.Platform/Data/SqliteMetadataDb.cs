using System.Collections.Concurrent;
using System.Data.Common;
using Iomete.Platform.Options;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Iomete.Platform.Data;

/// <summary>Embedded engine: one SQLite file per service under <c>{DataDir}/metadata</c>, in WAL mode.</summary>
internal sealed class SqliteMetadataDb : IMetadataDb, IDisposable
{
    private readonly string _folder;
    private readonly int _busyTimeoutMs;
    private readonly IReadOnlyDictionary<string, ServiceDatabase> _databases;
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _ready = new();

    public SqliteMetadataDb(IOptions<IometeOptions> platform, IOptions<MetadataDbOptions> options, IEnumerable<ServiceDatabase> databases)
    {
        _folder = Path.Combine(platform.Value.DataDir, "metadata");
        _busyTimeoutMs = options.Value.SqliteBusyTimeoutMs;
        _databases = databases.GroupBy(d => d.Service).ToDictionary(g => g.Key, g => g.First());
    }

    public MetadataEngine Engine => MetadataEngine.Sqlite;

    public async Task<DbConnection> OpenAsync(string service, CancellationToken ct)
    {
        var connectionString = await _ready.GetOrAdd(service, s => new Lazy<Task<string>>(() => PrepareAsync(s))).Value.WaitAsync(ct);
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA foreign_keys = ON;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        return connection;
    }

    public bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 19 } sqlite &&
        (sqlite.SqliteExtendedErrorCode is 2067 or 1555 || sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal));

    private Task<string> PrepareAsync(string service) => Task.Run(() =>
    {
        if (!_databases.TryGetValue(service, out var database))
        {
            throw new InvalidOperationException($"No database is registered for service '{service}'.");
        }
        Directory.CreateDirectory(_folder);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_folder, $"{service}.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(1, _busyTimeoutMs / 1000),
        }.ToString();
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }
        MigrationRunner.MigrateUp(MetadataEngine.Sqlite, connectionString, database);
        return connectionString;
    });

    public void Dispose() => SqliteConnection.ClearAllPools();
}
