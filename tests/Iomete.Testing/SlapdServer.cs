using System.Globalization;
using System.Net.Sockets;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Iomete.Testing;

/// <summary>
/// A private OpenLDAP slapd on a free port of 127.0.0.1, in a temporary folder deleted on dispose: a slapd.conf with
/// the core, cosine, inetorgperson and nis schemas, an mdb database for <see cref="Suffix"/> seeded with slapadd before
/// the start, and <see cref="RootDn"/>/<see cref="RootPassword"/> as its manager. No root-owned files are used, so it
/// runs the same as root (CI) or as an ordinary user. A watchdog stops it when the test process is gone.
/// </summary>
public sealed class SlapdServer : IAsyncDisposable
{
    public const string Suffix = "dc=iomete,dc=test";
    public const string RootDn = "cn=admin," + Suffix;
    public const string RootPassword = "ldap-admin-secret";
    private const string FolderPrefix = "iomete-slapd-";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string _folder;
    private int _stopped;

    private SlapdServer(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary><c>ldap://127.0.0.1:port</c>.</summary>
    public string Url => $"ldap://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    private string PidFile => Path.Combine(_folder, "slapd.pid");

    /// <summary>Why a server cannot start here, or null when it can.</summary>
    public static string? MissingReason() =>
        File.Exists("/usr/sbin/slapd") && File.Exists("/usr/sbin/slapadd") && File.Exists("/usr/bin/ldapmodify")
        && File.Exists("/etc/ldap/schema/inetorgperson.schema") && Directory.Exists("/usr/lib/ldap")
            ? null
            : "OpenLDAP not found (apt-get install slapd ldap-utils).";

    /// <summary>Starts a server whose database holds the suffix entry plus <paramref name="seedLdif"/> (entries separated by blank lines).</summary>
    public static async Task<SlapdServer> StartAsync(string seedLdif, CancellationToken ct = default)
    {
        if (MissingReason() is { } missing)
        {
            throw new InvalidOperationException(missing);
        }
        var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(folder, "db"));
        try
        {
            var conf = Path.Combine(folder, "slapd.conf");
            await File.WriteAllTextAsync(conf, $"""
                include /etc/ldap/schema/core.schema
                include /etc/ldap/schema/cosine.schema
                include /etc/ldap/schema/inetorgperson.schema
                include /etc/ldap/schema/nis.schema
                modulepath /usr/lib/ldap
                moduleload back_mdb
                pidfile {folder}/slapd.pid
                argsfile {folder}/slapd.args
                sizelimit unlimited
                database mdb
                maxsize 104857600
                suffix "{Suffix}"
                rootdn "{RootDn}"
                rootpw {RootPassword}
                directory {folder}/db
                """, ct);
            var seed = Path.Combine(folder, "seed.ldif");
            await File.WriteAllTextAsync(seed, $"""
                dn: {Suffix}
                objectClass: dcObject
                objectClass: organization
                o: IOMETE test
                dc: iomete

                {seedLdif.Trim()}

                """, ct);
            await TestProcess.RunAsync("/usr/sbin/slapadd", ["-q", "-f", conf, "-l", seed], CommandTimeout, ct);
            for (var attempt = 1; ; attempt++)
            {
                var port = TestProcess.FreePort();
                try
                {
                    // slapd forks into the background and writes its pid file; the parent exits 0 once it listens.
                    await TestProcess.RunAsync("/usr/sbin/slapd", ["-f", conf, "-h", $"ldap://127.0.0.1:{port}/"], CommandTimeout, ct);
                    var server = new SlapdServer(folder, port);
                    await server.WaitUntilListeningAsync(ct);
                    await StartWatchdogAsync(folder, ct);
                    return server;
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                    // Another process took the port between probing and binding.
                }
            }
        }
        catch
        {
            TryDelete(folder);
            throw;
        }
    }

    /// <summary>Applies an LDIF change set (changetype add/modify/delete) as the manager.</summary>
    public async Task ModifyAsync(string ldif, CancellationToken ct = default)
    {
        var file = Path.Combine(_folder, "change-" + Guid.NewGuid().ToString("N")[..8] + ".ldif");
        await File.WriteAllTextAsync(file, ldif, ct);
        await TestProcess.RunAsync("/usr/bin/ldapmodify", ["-x", "-H", Url, "-D", RootDn, "-w", RootPassword, "-f", file], CommandTimeout, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }
        try
        {
            if (File.Exists(PidFile) && int.TryParse((await File.ReadAllTextAsync(PidFile)).Trim(), CultureInfo.InvariantCulture, out var pid))
            {
                await TestProcess.RunAsync("kill", [pid.ToString(CultureInfo.InvariantCulture)], CommandTimeout);
                for (var i = 0; i < 100 && File.Exists(PidFile); i++)
                {
                    await Task.Delay(50);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            TryDelete(_folder);
        }
    }

    private async Task WaitUntilListeningAsync(CancellationToken ct)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port, ct);
                return;
            }
            catch (SocketException) when (i < 100)
            {
                await Task.Delay(50, ct);
            }
        }
    }

    /// <summary>A detached shell that stops the server and deletes its folder once this process ends.</summary>
    private static Task StartWatchdogAsync(string folder, CancellationToken ct)
    {
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId}; do sleep 1; done; " +
                     $"if [ -f '{folder}/slapd.pid' ]; then kill $(cat '{folder}/slapd.pid'); sleep 1; fi; rm -rf '{folder}'";
        return TestProcess.RunAsync("setsid", ["-f", "sh", "-c", script], CommandTimeout, ct);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the watchdog or the OS.
        }
    }
}

/// <summary>
/// A fact that needs slapd (and PostgreSQL with <see cref="WithPostgres"/>): skipped here with the reason when one is
/// missing, run (and failing) in CI.
/// </summary>
[XunitTestCaseDiscoverer("Iomete.Testing.SlapdFactDiscoverer", "Iomete.Testing")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SlapdFactAttribute : FactAttribute
{
    public bool WithPostgres { get; set; }
}

public sealed class SlapdFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        Missing(factAttribute) is { } missing && !Requires.InCi
            ? new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, missing)
            : base.CreateTestCase(discoveryOptions, testMethod, factAttribute);

    private static string? Missing(IAttributeInfo fact) =>
        SlapdServer.MissingReason()
        ?? (fact.GetNamedArgument<bool>(nameof(SlapdFactAttribute.WithPostgres)) ? PostgresServer.MissingReason() : null);
}
