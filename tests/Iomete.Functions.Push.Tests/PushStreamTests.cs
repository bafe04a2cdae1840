using System.Net;
using System.Net.ServerSentEvents;
using Iomete.Platform.Messaging;

namespace Iomete.Functions.Push.Tests;

/// <summary>The stream itself: authentication, the raw wire format, filters, heartbeats and the end of a revoked session.</summary>
public sealed class PushStreamTests(PushFixture fixture) : IClassFixture<PushFixture>
{
    [Fact]
    public async Task Anonymous_Gets401()
    {
        using var anonymous = fixture.Platform.Anonymous();
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Get, "/api/v1/push/events");
    }

    [Fact]
    public async Task AnUnknownTopicOrAMalformedLastEventId_Gets400()
    {
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Get, "/api/v1/push/events?topics=health,jobs");
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Get, "/api/v1/push/events?lastEventId=-3");
    }

    [Fact]
    public async Task AnEvent_CrossesTheWireAsIdEventAndDataLines_WithThePayloadItselfAsData()
    {
        await using var sse = await SseClient.ConnectAsync(fixture.Admin);
        Assert.Equal("text/event-stream", sse.Response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-cache", sse.Response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var first = await sse.NextFrameAsync();
        Assert.Equal(["retry: 3000"], first.Lines);
        var (ready, _) = await sse.ReadyAsync();
        Assert.Matches("^id: [0-9]+$", ready.Lines[0]);
        Assert.Equal("event: ready", ready.Lines[1]);

        var component = PushFixture.Unique("probe");
        await fixture.PublishAsync(PlatformTopics.Health, Frames.Health(component));
        var frame = await sse.FirstMentioningAsync(component);

        // dotnet/aspnetcore#64183: an SseItem<T> written as one JSON object instead of its fields. Here the fields are lines.
        Assert.Equal(3, frame.Lines.Count);
        Assert.Matches("^id: [0-9]+$", frame.Lines[0]);
        Assert.Equal("event: health.status", frame.Lines[1]);
        Assert.StartsWith("data: {\"component\":", frame.Lines[2], StringComparison.Ordinal);
        var data = frame.Json();
        Assert.Equal(component, data.Str("component"));
        Assert.Equal("OPERATIONAL", data.Str("previousStatus"));
        Assert.Equal("OUTAGE", data.Str("status"));
        Assert.False(data.TryGetProperty("data", out _));
        Assert.False(data.TryGetProperty("eventType", out _));
        Assert.True(frame.Seq() > ready.Seq());
    }

    [Fact]
    public async Task TheStream_ParsesWithTheRuntimesSseParser()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/push/events?topics=health");
        using var response = await fixture.Admin.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        using var cts = new CancellationTokenSource(SseClient.DefaultTimeout);
        var component = PushFixture.Unique("parsed");
        var published = false;
        SseItem<string>? found = null;
        TimeSpan? retry = null;
        await foreach (var item in SseParser.Create(body).EnumerateAsync(cts.Token))
        {
            retry ??= item.ReconnectionInterval;
            if (item.EventType == "ready" && !published)
            {
                published = true;
                await fixture.PublishAsync(PlatformTopics.Health, Frames.Health(component));
            }
            if (item.EventType == "health.status" && item.Data.Contains(component, StringComparison.Ordinal))
            {
                found = item;
                break;
            }
        }
        Assert.NotNull(found);
        Assert.True(long.Parse(found.Value.EventId!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(TimeSpan.FromSeconds(3), retry);
    }

    [Fact]
    public async Task TheTopicFilter_LeavesOutOtherEventTypes()
    {
        await using var sse = await SseClient.ConnectAsync(fixture.Admin, "?topics=queries");
        var (ready, _) = await sse.ReadyAsync();
        Assert.Equal(["sql.query"], ready.Json().GetProperty("types").EnumerateArray().Select(t => t.GetString()));
        var component = PushFixture.Unique("filtered");
        var query = PushFixture.Unique("q");
        await fixture.PublishAsync(PlatformTopics.Health, Frames.Health(component));
        await fixture.PublishAsync(PlatformTopics.SqlQueries, Frames.Query(query, fixture.AdminId));

        var seen = await sse.UntilAsync(f => f.Mentions(query));
        Assert.DoesNotContain(seen, f => f.Mentions(component));
        Assert.All(seen, f => Assert.Equal("sql.query", f.Event));
    }

    [Fact]
    public async Task AnIdleStream_GetsCommentHeartbeats()
    {
        await using var sse = await SseClient.ConnectAsync(fixture.Admin, "?topics=maintenance");
        await sse.ReadyAsync();
        SseFrame frame;
        do
        {
            frame = await sse.NextFrameAsync(TimeSpan.FromSeconds(5));
        }
        while (frame.Comment is null);
        Assert.Equal([": heartbeat"], frame.Lines);
    }

    [Fact]
    public async Task LoggingOut_EndsTheStreamWithAClosedEvent()
    {
        var (_, user) = await fixture.UserAsync("leaver");
        using (user)
        {
            await using var sse = await SseClient.ConnectAsync(user);
            await sse.ReadyAsync();
            await user.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, "/api/v1/auth/logout");

            var rest = await sse.UntilEndAsync(TimeSpan.FromSeconds(10));
            var closed = Assert.Single(rest, f => f.Event == "closed");
            Assert.Equal("UNAUTHORIZED", closed.Json().Str("reason"));
            Assert.Null(closed.Id);
            Assert.True(sse.Ended);
            await user.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Get, "/api/v1/push/events");
        }
    }
}
