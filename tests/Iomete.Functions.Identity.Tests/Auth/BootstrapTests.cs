using System.Collections.Concurrent;
using System.Net;
using Dapper;
using Iomete.Functions.Identity.Bootstrap;
using Iomete.Functions.Identity.Storage;
using Iomete.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.Identity.Tests.Auth;

public sealed class BootstrapTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "iomete-bootstrap-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    private Task<LocalPlatform> StartAsync(string? adminPassword, ILoggerProvider? logs = null) =>
        LocalPlatform.StartAsync(
            new Dictionary<string, string?> { ["Iomete:DataDir"] = _dataDir, ["Iomete:Identity:AdminPassword"] = adminPassword },
            builder =>
            {
                if (logs is not null)
                {
                    builder.Logging.AddProvider(logs);
                }
            });

    private string PasswordFile => Path.Combine(_dataDir, AdminBootstrap.PasswordFileName);

    [Fact]
    public async Task WithoutAConfiguredPassword_OneIsGenerated_LoggedOnce_AndWrittenReadableOnlyByTheOwner()
    {
        var logs = new CapturingLogs();
        await using var platform = await StartAsync(adminPassword: null, logs);

        var password = (await File.ReadAllTextAsync(PasswordFile)).Trim();
        Assert.True(password.Length >= 20);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PasswordFile));
        }
        var announcement = Assert.Single(logs.Messages, m => m.Contains("admin password", StringComparison.Ordinal));
        Assert.Contains(password, announcement);
        Assert.Contains(PasswordFile, announcement);
        using var admin = await platform.LoginAsync("admin", password);
        Assert.True((await admin.GetJsonAsync("/api/v1/user")).GetProperty("isSuperAdmin").GetBoolean());
    }

    [Fact]
    public async Task Restart_OnTheSameDataDir_KeepsTheAdminAndItsPassword()
    {
        string password;
        await using (await StartAsync(adminPassword: null))
        {
            password = (await File.ReadAllTextAsync(PasswordFile)).Trim();
        }
        var logs = new CapturingLogs();

        await using var restarted = await StartAsync(adminPassword: "A-Different-Password-9", logs);

        Assert.Equal(password, (await File.ReadAllTextAsync(PasswordFile)).Trim());
        Assert.DoesNotContain(logs.Messages, m => m.Contains("admin password", StringComparison.Ordinal));
        using var admin = await restarted.LoginAsync("admin", password);
        using var anonymous = restarted.Anonymous();
        await anonymous.PostJsonAsync("/api/v1/auth/login", new { username = "admin", password = "A-Different-Password-9" }, HttpStatusCode.Unauthorized);
        var admins = await admin.GetJsonAsync("/api/v1/admin/identity/users?search=admin");
        Assert.Single(admins.GetProperty("items").EnumerateArray(), u => u.Str("username") == "admin");
    }

    [Fact]
    public async Task ConcurrentBootstraps_CreateTheAdminExactlyOnce()
    {
        await using var platform = await LocalPlatform.StartAsync();
        var db = platform.Services.GetRequiredService<IdentityDb>();
        await using (var connection = await db.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("DELETE FROM users WHERE username = 'admin'");
        }
        var bootstrap = platform.Services.GetRequiredService<AdminBootstrap>();

        var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => bootstrap.EnsureAdminAsync(CancellationToken.None))));

        Assert.Single(created, c => c);
        await using var check = await db.OpenAsync(CancellationToken.None);
        Assert.Equal(1L, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE username = 'admin'"));
        using var admin = await platform.LoginAsync();
    }

    [Fact]
    public async Task AConfiguredPasswordShorterThanEight_StopsTheStart()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(adminPassword: "short"));
    }

    private sealed class CapturingLogs : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
