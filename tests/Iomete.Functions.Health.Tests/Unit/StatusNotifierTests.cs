using Iomete.Functions.Health.Notifications;
using Iomete.Platform.Messaging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Iomete.Functions.Health.Tests.Unit;

public sealed class StatusNotifierTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 6, 0, 0, TimeSpan.Zero));
    private readonly StatusNotifier _notifier;

    public StatusNotifierTests() =>
        _notifier = new StatusNotifier(_clock, Options.Create(new HealthNotificationOptions { MinimumInterval = TimeSpan.FromMinutes(5) }));

    private HealthStatusChanged Change(string? previous, string status, string component = "metadata-db") =>
        new(component, previous, status, null, _clock.GetUtcNow());

    private List<HealthStatusChanged> Drain()
    {
        var sent = new List<HealthStatusChanged>();
        while (_notifier.Queue.TryRead(out var change))
        {
            sent.Add(change);
        }
        return sent;
    }

    [Fact]
    public void FirstSightOfAHealthyComponent_IsNotNotified_ButFirstSightOfAnOutageIs()
    {
        _notifier.OnChange(Change(null, "OPERATIONAL"));
        _notifier.OnChange(Change(null, "OUTAGE", "object-storage"));

        var sent = Assert.Single(Drain());
        Assert.Equal("object-storage", sent.Component);
    }

    [Fact]
    public void AFlappingComponent_IsNotifiedOncePerInterval_ThenWithTheStatusItSettledOn()
    {
        _notifier.OnChange(Change("OPERATIONAL", "OUTAGE"));
        _clock.Advance(TimeSpan.FromSeconds(10));
        _notifier.OnChange(Change("OUTAGE", "OPERATIONAL"));
        _clock.Advance(TimeSpan.FromSeconds(10));
        _notifier.OnChange(Change("OPERATIONAL", "OUTAGE"));
        _clock.Advance(TimeSpan.FromSeconds(10));
        _notifier.OnChange(Change("OUTAGE", "OPERATIONAL"));
        _notifier.Tick();

        Assert.Equal(["OUTAGE"], Drain().Select(c => c.Status));

        _clock.Advance(TimeSpan.FromMinutes(5));
        _notifier.Tick();

        var settled = Assert.Single(Drain());
        Assert.Equal("OPERATIONAL", settled.Status);
        Assert.Equal("OUTAGE", settled.PreviousStatus);
    }

    [Fact]
    public void AFlapThatEndsWhereItStarted_SendsNothingMore()
    {
        _notifier.OnChange(Change("OPERATIONAL", "OUTAGE"));
        _clock.Advance(TimeSpan.FromSeconds(10));
        _notifier.OnChange(Change("OUTAGE", "OPERATIONAL"));
        _clock.Advance(TimeSpan.FromSeconds(10));
        _notifier.OnChange(Change("OPERATIONAL", "OUTAGE"));
        _clock.Advance(TimeSpan.FromMinutes(6));
        _notifier.Tick();

        Assert.Equal(["OUTAGE"], Drain().Select(c => c.Status));
    }

    [Fact]
    public void ComponentsAreDebouncedSeparately()
    {
        _notifier.OnChange(Change("OPERATIONAL", "OUTAGE", "metadata-db"));
        _notifier.OnChange(Change("OPERATIONAL", "OUTAGE", "object-storage"));

        Assert.Equal(2, Drain().Count);
    }
}
