using System.Data.Common;
using Iomete.Functions.Health.History;
using Iomete.Functions.Health.Monitoring;
using Iomete.Functions.Health.Notifications;
using Iomete.Functions.Health.Probes;
using Iomete.Platform.Data;
using Iomete.Platform.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Health.Tests.Unit;

/// <summary>The monitor with a health database that does not answer: statuses are still kept, changed and published.</summary>
public sealed class HealthMonitorTests
{
    private readonly ListEventBus _bus = new();
    private readonly HealthHistory _history;
    private readonly HealthOptions _options = new() { ProbeTimeout = TimeSpan.FromSeconds(1), ConfirmDelay = TimeSpan.Zero, WriteTimeout = TimeSpan.FromMilliseconds(500) };

    public HealthMonitorTests() =>
        _history = new HealthHistory(new HealthHistoryStore(new DownMetadataDb()), TimeProvider.System, Options.Create(_options), NullLogger<HealthHistory>.Instance);

    private HealthMonitor Monitor(params IHealthProbe[] probes) => new(
        new ProbeCatalog(probes),
        new ProbeRunner(Options.Create(_options), TimeProvider.System),
        _history,
        new StatusNotifier(TimeProvider.System, Options.Create(new HealthNotificationOptions())),
        new NotificationSettingsStore(new DownMetadataDb(), TimeProvider.System, NullLogger<NotificationSettingsStore>.Instance),
        _bus,
        TimeProvider.System,
        Options.Create(_options),
        NullLogger<HealthMonitor>.Instance);

    [Fact]
    public async Task AFailingComponent_ShowsBeforeASlowOneTimesOut_AndItsSamplesWaitForTheDatabase()
    {
        var failing = new ScriptedProbe(_ => throw new HealthProbeException("down")) { Component = "failing" };
        var slow = new ScriptedProbe(ct => Task.Delay(Timeout.Infinite, ct)) { Component = "slow" };
        var monitor = Monitor(failing, slow);

        var round = monitor.RunNowAsync(CancellationToken.None);
        while (monitor.Current("failing") is null)
        {
            Assert.False(round.IsCompleted, "The failing component's status waited for the slow one.");
            await Task.Delay(20);
        }
        var result = await round;

        Assert.Equal(HealthStatus.Outage, monitor.Current("failing")!.Status);
        Assert.Equal("down", monitor.Current("failing")!.Message);
        Assert.Equal(HealthStatus.Outage, monitor.Current("slow")!.Status);
        Assert.Equal(2, result.Failing);
        Assert.False(result.HistoryWritten);
        Assert.Equal(2, _history.PendingCount);
        Assert.Equal(1, _history.For("failing").Sum(h => h.Failures));
    }

    [Fact]
    public async Task OnlyChangesArePublished_WithThePreviousStatus()
    {
        var healthy = true;
        var probe = new ScriptedProbe(_ => healthy ? Task.CompletedTask : throw new HealthProbeException("gone")) { Component = "flaky" };
        var monitor = Monitor(probe);

        await monitor.RunNowAsync(CancellationToken.None);
        await monitor.RunNowAsync(CancellationToken.None);
        var since = monitor.Current("flaky")!.Since;
        healthy = false;
        await monitor.RunNowAsync(CancellationToken.None);
        await monitor.RunNowAsync(CancellationToken.None);

        Assert.Equal([(null, "OPERATIONAL"), ("OPERATIONAL", "OUTAGE")], _bus.Health.Select(e => (e.PreviousStatus, e.Status)));
        Assert.True(monitor.Current("flaky")!.Since > since);
        Assert.Equal(4, _history.For("flaky").Sum(h => h.Samples));
        Assert.Equal(2, _history.For("flaky").Sum(h => h.Failures));
    }

    [Fact]
    public async Task AScheduledTick_IsSkippedWhileARoundRuns()
    {
        var release = new TaskCompletionSource();
        var monitor = Monitor(new ScriptedProbe(_ => release.Task) { Component = "held" });

        var first = monitor.RunNowAsync(CancellationToken.None);
        var skipped = await monitor.TryRunAsync(CancellationToken.None);
        release.SetResult();
        await first;

        Assert.Null(skipped);
        Assert.NotNull(await monitor.TryRunAsync(CancellationToken.None));
    }

    private sealed class ListEventBus : IEventBus
    {
        public List<HealthStatusChanged> Health { get; } = [];

        public Task PublishAsync<T>(string topic, T payload, CancellationToken ct)
        {
            if (payload is HealthStatusChanged change)
            {
                lock (Health)
                {
                    Health.Add(change);
                }
            }
            return Task.CompletedTask;
        }
    }

    private sealed class DownMetadataDb : IMetadataDb
    {
        public MetadataEngine Engine => MetadataEngine.Postgres;

        public Task<DbConnection> OpenAsync(string service, CancellationToken ct) => throw new InvalidOperationException("The database is down.");

        public Task<string> ConnectionStringAsync(string service, CancellationToken ct) => throw new InvalidOperationException("The database is down.");

        public bool IsUniqueViolation(Exception exception) => false;
    }
}
