using System.Net;

namespace Iomete.Functions.Push.Tests;

/// <summary>The event-stream service publishes its streams' state changes, and they reach those who may view the stream.</summary>
public sealed class EventStreamPushTests(PushFixture fixture) : IClassFixture<PushFixture>
{
    private const string Root = $"/api/v1/domains/{PushFixture.Domain}/event-streams";

    [Fact]
    public async Task CreatingStoppingAndDeletingAStream_PushesEachState_ToViewersOnly()
    {
        var bundle = await fixture.NewBundleAsync();
        var (viewerId, viewer) = await fixture.UserAsync("viewer", "VIEW_DATA_CATALOG");
        var (strangerId, stranger) = await fixture.UserAsync("stranger", "VIEW_DATA_CATALOG");
        await fixture.GrantAsync(bundle, viewerId, "EVENT_STREAM", "VIEW");
        using (viewer)
        using (stranger)
        {
            await using var adminStream = await SseClient.ConnectAsync(fixture.Admin, "?topics=event-streams");
            await using var viewerStream = await SseClient.ConnectAsync(viewer, "?topics=event-streams");
            await using var strangerStream = await SseClient.ConnectAsync(stranger, "?topics=event-streams,queries");
            await Task.WhenAll(adminStream.ReadyAsync(), viewerStream.ReadyAsync(), strangerStream.ReadyAsync());

            var name = PushFixture.Unique("clicks");
            var created = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root, new { name, resourceBundleId = bundle });
            var id = created.Str("id");
            await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{id}/terminate");
            await fixture.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Root}/{id}");

            foreach (var stream in new[] { adminStream, viewerStream })
            {
                var seen = (await stream.UntilAsync(f => f.Mentions(id) && f.Json().Str("state") == "DELETED")).Where(f => f.Mentions(id)).ToList();
                Assert.All(seen, f => Assert.Equal("event-stream.state", f.Event));
                Assert.Equal(["STARTING", "STOPPED", "DELETED"], seen.Select(f => f.Json().Str("state")));
                Assert.False(seen[0].Json().TryGetProperty("previousState", out _));
                Assert.Equal(["STARTING", "STOPPED"], seen.Skip(1).Select(f => f.Json().Str("previousState")));
                Assert.All(seen, f => Assert.Equal(name, f.Json().Str("streamName")));
                Assert.All(seen, f => Assert.Equal(PushFixture.Domain, f.Json().Str("domain")));
            }

            var marker = PushFixture.Unique("q");
            await fixture.PublishAsync(Iomete.Platform.Messaging.PlatformTopics.SqlQueries, Frames.Query(marker, strangerId));
            var strangerSaw = await strangerStream.UntilAsync(f => f.Mentions(marker));
            Assert.DoesNotContain(strangerSaw, f => f.Mentions(id));
        }
    }
}
