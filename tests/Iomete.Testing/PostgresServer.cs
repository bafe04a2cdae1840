using Npgsql;

namespace Iomete.Testing;

/// <summary>
/// A private PostgreSQL 15 server on a free port of 127.0.0.1 with trust authentication for
/// user <c>postgres</c>, in a temporary folder deleted on dispose. initdb refuses to run as
/// root, so as root every server command runs as the <c>postgres</c> system user.
/// Tests normally share one per test process through <see cref="SharedAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string FolderPrefix = "iomete-pg-";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    // Test-only process-wide state, on purpose: one server serves the whole test run and is
    // stopped when the test process exits (a test assembly has no assembly fixture in xunit 2).
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartSharedAsync);

    private readonly string _folder;
    private int _stopped;

    private PostgresServer(string folder, int port)
    {
        _folder = folder;
        Port = port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
            Timeout = 30,
        }.ToString();
    }

    /// <summary>Binaries folder; <c>IOMETE_PG_BIN</c> overrides the Debian default.</summary>
    public static string BinFolder => Environment.GetEnvironmentVariable("IOMETE_PG_BIN") ?? "/usr/lib/postgresql/15/bin";

    public int Port { get; }

    /// <summary>Npgsql connection string to the <c>postgres</c> database as superuser <c>postgres</c>.</summary>
    public string ConnectionString { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>Why a server cannot start here, or null when it can.</summary>
    public static string? MissingReason() =>
        File.Exists(Path.Combine(BinFolder, "initdb")) && File.Exists(Path.Combine(BinFolder, "pg_ctl"))
            ? null
            : $"PostgreSQL 15 server binaries not found in {BinFolder} (apt-get install postgresql-15).";

    /// <summary>The server shared by every test of this process, started on first use.</summary>
    public static Task<PostgresServer> SharedAsync() => Shared.Value;

    /// <summary>A fresh prefix for per-service databases (<c>Iomete:MetadataDb:DatabasePrefix</c>), so tests never share one.</summary>
    public static string NewDatabasePrefix() => "t" + Guid.NewGuid().ToString("N")[..10] + "_";

    /// <summary>Configuration keys that point the platform's metadata DB at this server.</summary>
    public Dictionary<string, string?> Settings(string databasePrefix) => new()
    {
        ["Iomete:MetadataDb:Engine"] = "Postgres",
        ["Iomete:MetadataDb:ConnectionString"] = ConnectionString,
        ["Iomete:MetadataDb:DatabasePrefix"] = databasePrefix,
    };

    /// <summary>Connection string to another database of this server.</summary>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ToString();

    public static async Task<PostgresServer> StartAsync(CancellationToken ct = default)
    {
        if (MissingReason() is { } missing)
        {
            throw new InvalidOperationException(missing);
        }
        StopAbandonedServers();
        var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "owner.pid"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        try
        {
            if (Environment.IsPrivilegedProcess)
            {
                await TestProcess.RunAsync("chown", ["postgres:postgres", folder], CommandTimeout, ct);
            }
            var data = Path.Combine(folder, "data");
            await RunAsync("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"], ct);
            for (var attempt = 1; ; attempt++)
            {
                var port = TestProcess.FreePort();
                try
                {
                    // Durability settings off: test data need not survive a power cut, and it is faster.
                    await RunAsync("pg_ctl", ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
                        "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                        "start"], ct);
                    await StartWatchdogAsync(folder, ct);
                    return new PostgresServer(folder, port);
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                    // Most likely another process took the port between probing and binding.
                }
            }
        }
        catch
        {
            TryDelete(folder);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }
        try
        {
            await RunAsync("pg_ctl", ["-D", DataFolder, "-m", "fast", "-w", "stop"], CancellationToken.None);
        }
        finally
        {
            TryDelete(_folder);
        }
    }

    // Not stopped on ProcessExit: the test host can be killed before that finishes. The watchdog
    // every server gets stops it once the test process is gone.
    private static Task<PostgresServer> StartSharedAsync() => StartAsync();

    /// <summary>
    /// A detached shell that waits for this process to end, then stops the server (if still
    /// running) and deletes its folder.
    /// </summary>
    private static Task StartWatchdogAsync(string folder, CancellationToken ct)
    {
        var data = Path.Combine(folder, "data");
        var stop = $"{(Environment.IsPrivilegedProcess ? "runuser -u postgres -- " : "")}'{Path.Combine(BinFolder, "pg_ctl")}' -D '{data}' -m immediate -w stop";
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId}; do sleep 1; done; " +
                     $"if [ -f '{data}/postmaster.pid' ]; then {stop}; fi; rm -rf '{folder}'";
        return TestProcess.RunAsync("setsid", ["-f", "sh", "-c", script], CommandTimeout, ct);
    }

    private static Task<string> RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var path = Path.Combine(BinFolder, tool);
        return Environment.IsPrivilegedProcess
            ? TestProcess.RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], CommandTimeout, ct)
            : TestProcess.RunAsync(path, arguments, CommandTimeout, ct);
    }

    /// <summary>Stops servers left by test processes that were killed before they could stop them.</summary>
    private static void StopAbandonedServers()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var owner = Path.Combine(folder, "owner.pid");
            if (!File.Exists(owner) || TestProcess.IsAlive(owner))
            {
                continue;
            }
            try
            {
                if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
                {
                    RunAsync("pg_ctl", ["-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop"], CancellationToken.None)
                        .Wait(CommandTimeout);
                }
            }
            catch (AggregateException)
            {
                // Already stopped, or not ours to stop: deleting the folder is all that is left.
            }
            TryDelete(folder);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next StopAbandonedServers or the OS.
        }
    }
}
