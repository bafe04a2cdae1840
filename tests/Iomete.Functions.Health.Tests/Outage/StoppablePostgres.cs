using System.Globalization;

namespace Iomete.Functions.Health.Tests.Outage;

/// <summary>
/// A private PostgreSQL 15 server that a test can stop and start again on the same port and data folder (the shared
/// <see cref="PostgresServer"/> must not be stopped under other tests). As root, every command runs as <c>postgres</c>.
/// </summary>
public sealed class StoppablePostgres : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly string _folder;

    private StoppablePostgres(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=5";

    private string Data => Path.Combine(_folder, "data");

    public Dictionary<string, string?> Settings(string prefix) => new()
    {
        ["Iomete:MetadataDb:Engine"] = "Postgres",
        ["Iomete:MetadataDb:ConnectionString"] = ConnectionString,
        ["Iomete:MetadataDb:DatabasePrefix"] = prefix,
    };

    public static async Task<StoppablePostgres> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "iomete-health-pg-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        if (Environment.IsPrivilegedProcess)
        {
            await TestProcess.RunAsync("chown", ["postgres:postgres", folder], CommandTimeout);
        }
        var server = new StoppablePostgres(folder, TestProcess.FreePort());
        await server.RunAsync("initdb", ["-D", server.Data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
        await server.StartAgainAsync();
        return server;
    }

    public Task StartAgainAsync() => RunAsync("pg_ctl", ["-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200",
        "start"]);

    /// <summary>Stops at once, dropping every connection (as a crashed or unreachable server would).</summary>
    public Task StopAsync() => RunAsync("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "stop"]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(Data, "postmaster.pid")))
            {
                await StopAsync();
            }
        }
        finally
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS's temp cleanup.
            }
        }
    }

    private Task<string> RunAsync(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(PostgresServer.BinFolder, tool);
        return Environment.IsPrivilegedProcess
            ? TestProcess.RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], CommandTimeout)
            : TestProcess.RunAsync(path, arguments, CommandTimeout);
    }
}
