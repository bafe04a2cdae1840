using System.Net;
using Iomete.Platform.Messaging;

namespace Iomete.Functions.Push.Tests;

/// <summary>Reconnecting with Last-Event-ID, redelivered CloudEvents and ids the log no longer (or never) held.</summary>
public sealed class PushCatchUpTests(PushFixture fixture) : IClassFixture<PushFixture>
{
    [Fact]
    public async Task Reconnecting_WithLastEventId_ReplaysExactlyTheMissedEventsInOrder()
    {
        await using var watcher = await SseClient.ConnectAsync(fixture.Admin, "?topics=health");
        await watcher.ReadyAsync();
        string lastSeen;
        await using (var first = await SseClient.ConnectAsync(fixture.Admin, "?topics=health"))
        {
            lastSeen = (await first.ReadyAsync()).Ready.Id!;
        }
        var prefix = PushFixture.Unique("missed");
        var components = Enumerable.Range(1, 5).Select(i => $"{prefix}-{i}").ToList();
        foreach (var component in components)
        {
            await fixture.PublishAsync(PlatformTopics.Health, Frames.Health(component));
        }
        var live = (await watcher.UntilAsync(f => f.Mentions(components[^1]))).Where(f => f.Mentions(prefix)).ToList();
        Assert.Equal(components, live.Select(f => f.Json().Str("component")));

        await using var again = await SseClient.ConnectAsync(fixture.Admin, "?topics=health", lastEventId: lastSeen);
        var (ready, replayed) = await again.ReadyAsync();
        var mine = replayed.Where(f => f.Mentions(prefix)).ToList();
        Assert.Equal(components, mine.Select(f => f.Json().Str("component")));
        Assert.Equal(live.Select(f => f.Id), mine.Select(f => f.Id));
        Assert.Equal(replayed.Select(f => f.Seq()).Order(), replayed.Select(f => f.Seq()));
        Assert.True(ready.Seq() >= mine[^1].Seq());

        // The query parameter does the same, from any point: here after the third.
        await using var fromThird = await SseClient.ConnectAsync(fixture.Admin, $"?topics=health&lastEventId={live[2].Id}");
        var (_, rest) = await fromThird.ReadyAsync();
        Assert.Equal(components[3..], rest.Where(f => f.Mentions(prefix)).Select(f => f.Json().Str("component")));
    }

    [Fact]
    public async Task ARedeliveredCloudEvent_IsAppendedOnce()
    {
        await using var sse = await SseClient.ConnectAsync(fixture.Admin, "?topics=health");
        await sse.ReadyAsync();
        var component = PushFixture.Unique("redelivered");
        var eventId = Guid.NewGuid().ToString();

        var first = await fixture.DeliverAsync("health-status", eventId, Frames.Health(component));
        var second = await fixture.DeliverAsync("health-status", eventId, Frames.Health(component));
        var marker = PushFixture.Unique("after");
        await fixture.DeliverAsync("health-status", Guid.NewGuid().ToString(), Frames.Health(marker));

        Assert.False(first.GetProperty("duplicate").GetBoolean());
        Assert.True(first.GetProperty("sequence").GetInt64() > 0);
        Assert.True(second.GetProperty("duplicate").GetBoolean());
        var seen = await sse.UntilAsync(f => f.Mentions(marker));
        Assert.Single(seen, f => f.Mentions(component));
    }

    [Fact]
    public async Task ALastEventIdNewerThanTheLog_GetsAResetEvent_ThenLiveEvents()
    {
        await using var sse = await SseClient.ConnectAsync(fixture.Admin, "?topics=health", lastEventId: "987654321");
        var (ready, before) = await sse.ReadyAsync();
        var reset = Assert.Single(before);
        Assert.Equal("reset", reset.Event);
        Assert.Equal("UNKNOWN_EVENT_ID", reset.Json().Str("reason"));
        Assert.Equal(987654321, reset.Json().GetProperty("lastEventId").GetInt64());
        Assert.Equal(reset.Id, ready.Id);

        var component = PushFixture.Unique("after-reset");
        await fixture.PublishAsync(PlatformTopics.Health, Frames.Health(component));
        Assert.Equal("health.status", (await sse.FirstMentioningAsync(component)).Event);
    }

    [Fact]
    public async Task InternalRoutes_RefuseUsers()
    {
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, "/internal/v1/push/subscriptions/health-status",
            new { id = "x", data = Frames.Health("x") });
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, "/internal/v1/push/trim");
    }
}

/// <summary>A platform whose push log keeps events for a millisecond: a trim makes old ids expire.</summary>
public sealed class ShortRetentionFixture : PushFixture
{
    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?> { ["Iomete:Push:Retention"] = "00:00:00.001" };
}

public sealed class PushRetentionTests(ShortRetentionFixture fixture) : IClassFixture<ShortRetentionFixture>
{
    [Fact]
    public async Task ALastEventIdOlderThanTheRetention_GetsAnExpiredReset_AndTheNumberingContinues()
    {
        var first = await fixture.DeliverAsync("health-status", Guid.NewGuid().ToString(), Frames.Health("a"));
        await fixture.DeliverAsync("health-status", Guid.NewGuid().ToString(), Frames.Health("b"));
        var third = await fixture.DeliverAsync("health-status", Guid.NewGuid().ToString(), Frames.Health("c"));
        await Task.Delay(20);
        using (var system = fixture.SystemClient())
        {
            var trimmed = await system.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/internal/v1/push/trim");
            Assert.True(trimmed.GetProperty("removed").GetInt32() >= 2);
        }

        await using var sse = await SseClient.ConnectAsync(fixture.Admin, lastEventId: first.GetProperty("sequence").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var (_, before) = await sse.ReadyAsync();
        var reset = Assert.Single(before);
        Assert.Equal("reset", reset.Event);
        Assert.Equal("EXPIRED", reset.Json().Str("reason"));
        Assert.Equal(third.GetProperty("sequence").GetInt64(), reset.Json().GetProperty("oldestEventId").GetInt64());

        // The newest event stays, so the next one is numbered after it, not from 1 again.
        var fourth = await fixture.DeliverAsync("health-status", Guid.NewGuid().ToString(), Frames.Health("d"));
        Assert.Equal(third.GetProperty("sequence").GetInt64() + 1, fourth.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task AFreshConnection_StartsNow_NotWhereTheIdleTailStopped()
    {
        var before = PushFixture.Unique("before");
        await fixture.DeliverAsync("health-status", Guid.NewGuid().ToString(), Frames.Health(before));
        await Task.Delay(1000);

        await using var sse = await SseClient.ConnectAsync(fixture.Admin, "?topics=health");
        await sse.ReadyAsync();
        var after = PushFixture.Unique("after");
        await fixture.DeliverAsync("health-status", Guid.NewGuid().ToString(), Frames.Health(after));

        var seen = await sse.UntilAsync(f => f.Mentions(after));
        Assert.DoesNotContain(seen, f => f.Mentions(before));
    }
}
