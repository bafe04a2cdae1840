using Iomete.Testing;

namespace Iomete.Functions.Identity.Tests.Auth;

/// <summary>
/// One local platform shared by the tests of a class. All tests call from 127.0.0.1, so the
/// per-IP login limit is raised here; the throttle tests use their own platforms.
/// </summary>
public abstract class PlatformFixture : IAsyncLifetime
{
    private LocalPlatform? _platform;

    public LocalPlatform Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    public async Task InitializeAsync()
    {
        var settings = await SettingsAsync();
        if (settings is null)
        {
            return;
        }
        settings["Iomete:Identity:MaxFailedLoginsPerIp"] = "1000";
        _platform = await LocalPlatform.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }

    /// <summary>Settings of the metadata database, or null when it cannot run here (its tests are skipped).</summary>
    protected abstract Task<Dictionary<string, string?>?> SettingsAsync();
}

/// <summary>The embedded engine: SQLite files under the data dir.</summary>
public sealed class SqlitePlatform : PlatformFixture
{
    protected override Task<Dictionary<string, string?>?> SettingsAsync() => Task.FromResult<Dictionary<string, string?>?>([]);
}

/// <summary>The cluster engine: a database per service on the shared test PostgreSQL server.</summary>
public sealed class PostgresPlatform : PlatformFixture
{
    protected override async Task<Dictionary<string, string?>?> SettingsAsync()
    {
        if (PostgresServer.MissingReason() is not null && !Requires.InCi)
        {
            return null;
        }
        var server = await PostgresServer.SharedAsync();
        return server.Settings(PostgresServer.NewDatabasePrefix());
    }
}
