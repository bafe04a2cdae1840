using Iomete.Functions.Core.SystemConfig;
using Iomete.Functions.Core.Tests.Support;

namespace Iomete.Functions.Core.Tests.SystemConfig;

public sealed class SystemConfigStoreTests : IAsyncLifetime
{
    private readonly CoreServices _services = CoreServices.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task List_OnNewInstallation_ShowsEveryKnownKeyWithItsDefault()
    {
        var entries = await _services.Get<SystemConfigStore>().ListAsync(CancellationToken.None);

        Assert.Equal(SystemConfigKeys.All.Count, entries.Count);
        Assert.All(entries, e => Assert.True(e.IsDefault));
        Assert.Equal("365", entries.Single(e => e.Key == "access-token.lifetime").Value);
        Assert.Equal("/monitoring/alerting/list", entries.Single(e => e.Key == "external-grafana.alerting-rules.dashboard-url").Value);
        Assert.Equal("", entries.Single(e => e.Key == "spark-application.job.metrics-dashboard-url").Value);
    }

    [Fact]
    public async Task Set_ThenReader_SeesTheNewValueUntilReset()
    {
        var store = _services.Get<SystemConfigStore>();
        var reader = _services.Get<ISystemConfig>();
        var key = SystemConfigKeys.Find(SystemConfigKeys.AccessTokenLifetime)!;

        var set = await store.SetAsync(key, "30", "alice", CancellationToken.None);
        Assert.False(set.IsDefault);
        Assert.Equal("alice", set.UpdatedBy);
        Assert.Equal(30, await reader.GetIntAsync(SystemConfigKeys.AccessTokenLifetime, CancellationToken.None));

        var reset = await store.ResetAsync(key, CancellationToken.None);
        Assert.True(reset.IsDefault);
        Assert.Equal(365, await reader.GetIntAsync(SystemConfigKeys.AccessTokenLifetime, CancellationToken.None));
    }

    [Fact]
    public async Task Find_WithUnknownKey_ReturnsNull()
    {
        Assert.Null(await _services.Get<SystemConfigStore>().FindAsync("no.such.key", CancellationToken.None));
    }

    [Fact]
    public async Task Reader_WithUnknownKey_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _services.Get<ISystemConfig>().GetAsync("no.such.key", CancellationToken.None));
    }
}
