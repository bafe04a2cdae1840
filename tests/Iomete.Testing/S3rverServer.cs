using System.Diagnostics;
using System.Text.RegularExpressions;
using Iomete.Platform.Storage;

namespace Iomete.Testing;

/// <summary>
/// A private s3rver (npm, from <c>tests/node</c>: run <c>npm ci</c> there) on a free port of
/// 127.0.0.1 with one bucket, data in a temporary folder; killed and deleted on dispose.
/// Tests normally share one per test process through <see cref="SharedAsync"/> and keep apart
/// by key prefix (<see cref="StoreOptions"/>).
/// </summary>
public sealed partial class S3rverServer : IAsyncDisposable
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";
    public const string DefaultBucket = "iomete-test";

    private const string FolderPrefix = "iomete-s3rver-";

    // Test-only process-wide state, on purpose: see PostgresServer.
    private static readonly Lazy<Task<S3rverServer>> Shared = new(StartSharedAsync);

    private readonly Process _process;
    private readonly string _folder;
    private int _stopped;

    private S3rverServer(Process process, string folder, int port, string bucket)
    {
        _process = process;
        _folder = folder;
        ServiceUrl = $"http://127.0.0.1:{port}";
        Bucket = bucket;
    }

    public string ServiceUrl { get; }

    public string Bucket { get; }

    /// <summary>Wrapper that runs s3rver and exits when the test process is gone.</summary>
    public static string ScriptPath => Path.Combine(Requires.RepositoryRoot(), "tests", "node", "s3rver-for-tests.js");

    private static string PackagePath => Path.Combine(Requires.RepositoryRoot(), "tests", "node", "node_modules", "s3rver", "package.json");

    /// <summary>Why the server cannot start here, or null when it can.</summary>
    public static string? MissingReason()
    {
        if (!File.Exists(PackagePath))
        {
            return $"s3rver is not installed: run 'npm ci' in tests/node ({PackagePath} is missing).";
        }
        return FindOnPath("node") is null ? "node is not on PATH (apt-get install nodejs)." : null;
    }

    public static Task<S3rverServer> SharedAsync() => Shared.Value;

    /// <summary>
    /// Settings for <see cref="S3ObjectStore"/> on this server: path style, no aws-chunked bodies
    /// (s3rver would store the framing), and no conditional put (s3rver ignores If-None-Match).
    /// </summary>
    public S3StorageOptions StoreOptions(string? prefix = null) => new()
    {
        ServiceUrl = ServiceUrl,
        Bucket = Bucket,
        Prefix = prefix,
        AccessKey = AccessKey,
        SecretKey = SecretKey,
        ForcePathStyle = true,
        UseChunkEncoding = false,
        SupportsConditionalPut = false,
        PartSizeBytes = 5L * 1024 * 1024,
    };

    /// <summary>Configuration keys that point the platform's object store at this server.</summary>
    public Dictionary<string, string?> Settings(string prefix) => new()
    {
        ["Iomete:Storage:Type"] = "S3",
        ["Iomete:Storage:S3:ServiceUrl"] = ServiceUrl,
        ["Iomete:Storage:S3:Bucket"] = Bucket,
        ["Iomete:Storage:S3:Prefix"] = prefix,
        ["Iomete:Storage:S3:AccessKey"] = AccessKey,
        ["Iomete:Storage:S3:SecretKey"] = SecretKey,
        ["Iomete:Storage:S3:UseChunkEncoding"] = "false",
        ["Iomete:Storage:S3:SupportsConditionalPut"] = "false",
    };

    public static async Task<S3rverServer> StartAsync(string bucket = DefaultBucket, CancellationToken ct = default)
    {
        if (MissingReason() is { } missing)
        {
            throw new InvalidOperationException(missing);
        }
        StopAbandonedServers();
        var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // s3rver encrypts continuation tokens with DES, which OpenSSL 3 only offers from its legacy provider.
        foreach (var argument in new[] { "--openssl-legacy-provider", ScriptPath, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), folder, bucket })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        await File.WriteAllTextAsync(Path.Combine(folder, "pids"), $"{Environment.ProcessId} {process.Id}", ct);

        // The bucket exists before s3rver listens, and it prints the port it got once it listens.
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }
            output.Enqueue(line);
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        try
        {
            var exited = process.WaitForExitAsync(ct);
            var first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(30), ct));
            if (first != listening.Task)
            {
                throw new InvalidOperationException($"s3rver did not start:\n{string.Join('\n', output)}");
            }
            return new S3rverServer(process, folder, await listening.Task, bucket);
        }
        catch
        {
            Kill(process);
            process.Dispose();
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
        Kill(_process);
        await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
        TryDelete(_folder);
    }

    private static async Task<S3rverServer> StartSharedAsync()
    {
        var server = await StartAsync();
        // Best effort: the test host may be killed before this runs; the script then exits by itself.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Kill(server._process);
            server._process.WaitForExit(TimeSpan.FromSeconds(2));
            TryDelete(server._folder);
        };
        return server;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    /// <summary>Kills servers left by test processes that died before they could stop them (by the pid they recorded).</summary>
    private static void StopAbandonedServers()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var pids = Path.Combine(folder, "pids");
            if (!File.Exists(pids))
            {
                // Still starting, or its cleanup was cut short: only an old one is abandoned.
                if (Directory.GetLastWriteTimeUtc(folder) > DateTime.UtcNow.AddHours(-1))
                {
                    continue;
                }
            }
            else
            {
                try
                {
                    var parts = File.ReadAllText(pids).Split(' ');
                    using var owner = TryGetProcess(parts[0]);
                    if (owner is not null)
                    {
                        continue;
                    }
                    using var node = TryGetProcess(parts[1]);
                    if (node is not null && node.ProcessName == "node")
                    {
                        Kill(node);
                        node.WaitForExit(TimeSpan.FromSeconds(2));
                    }
                }
                catch (Exception ex) when (ex is IOException or IndexOutOfRangeException)
                {
                    continue;
                }
            }
            TryDelete(folder);
        }
    }

    private static Process? TryGetProcess(string pid)
    {
        try
        {
            var process = Process.GetProcessById(int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture));
            if (!process.HasExited)
            {
                return process;
            }
            process.Dispose();
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

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

    [GeneratedRegex(@"S3rver listening on \S+:(\d+)")]
    private static partial Regex ListeningLine();
}
