using System.Data.Common;
using Iomete.Platform.Options;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Iomete.Platform.Data;

/// <summary>Embedded engine: one SQLite file per service under <c>{DataDir}/metadata</c>, in WAL mode.</summary>
internal sealed class SqliteMetadataDb : IMetadataDb, IDisposable
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    private readonly string _folder;
    private readonly int _busyTimeoutMs;
    private readonly PreparedServices<string> _services;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<MappedChangeSignal>> _signals = new(StringComparer.Ordinal);

    public SqliteMetadataDb(IOptions<IometeOptions> platform, IOptions<MetadataDbOptions> options, IEnumerable<ServiceDatabase> databases)
    {
        _folder = Path.Combine(platform.Value.DataDir, "metadata");
        _busyTimeoutMs = options.Value.SqliteBusyTimeoutMs;
        _services = new PreparedServices<string>(databases);
    }

    private static readonly object Prepared = new();

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> _preparedHandles = new();

    public MetadataEngine Engine => MetadataEngine.Sqlite;

    /// <summary>The file that holds <paramref name="service"/>'s database.</summary>
    public string FileOf(string service) => Path.Combine(_folder, $"{service}.db");

    public async Task<DbConnection> OpenAsync(string service, CancellationToken ct)
    {
        var connectionString = await _services.GetAsync(service, PrepareAsync, ct);
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            // Pooled connections reuse their sqlite3 handle, and PRAGMAs stick to the handle: set them once per handle.
            if (connection.Handle is { } handle && !_preparedHandles.TryGetValue(handle, out _))
            {
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA foreign_keys = ON;";
                await pragma.ExecuteNonQueryAsync(ct);
                _preparedHandles.AddOrUpdate(handle, Prepared);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task<string> ConnectionStringAsync(string service, CancellationToken ct) => _services.GetAsync(service, PrepareAsync, ct);

    public IChangeSignal? ChangeSignal(string service) =>
        _signals.GetOrAdd(service, s => new Lazy<MappedChangeSignal>(() => new MappedChangeSignal(Path.Combine(_folder, $"{s}.changes")))).Value;

    public bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint } sqlite &&
        (sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey ||
         sqlite.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal));

    private Task<string> PrepareAsync(ServiceDatabase database) => Task.Run(() =>
    {
        Directory.CreateDirectory(_folder);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FileOf(database.Service),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy database until the command timeout (seconds).
            DefaultTimeout = Math.Max(1, _busyTimeoutMs / 1000),
        }.ToString();
        // Two processes on one data dir (a host and a CLI) must not migrate the same file at once.
        using var migrationLock = AcquireFileLock(FileOf(database.Service) + ".migrate.lock");
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            using var wal = connection.CreateCommand();
            wal.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }
        MigrationRunner.MigrateUp(MetadataEngine.Sqlite, connectionString, database);
        return connectionString;
    });

    private FileStream AcquireFileLock(string path)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(Math.Max(_busyTimeoutMs, 30_000));
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Unix; the file stays, deleting it would race.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }
    }

    public void Dispose()
    {
        foreach (var signal in _signals.Values.Where(l => l.IsValueCreated))
        {
            signal.Value.Dispose();
        }
        // Only this instance's pools: other instances in the process (tests) keep theirs.
        foreach (var connectionString in _services.Ready)
        {
            using var connection = new SqliteConnection(connectionString);
            SqliteConnection.ClearPool(connection);
        }
    }
}
