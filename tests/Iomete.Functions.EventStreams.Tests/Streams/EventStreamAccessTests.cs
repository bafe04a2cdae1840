using System.Net;

namespace Iomete.Functions.EventStreams.Tests.Streams;

/// <summary>RAS on streams: domain membership, then VIEW / UPDATE / DELETE / EXECUTE through the bundle that holds the stream.</summary>
public sealed class EventStreamAccessTests(StreamsFixture fixture) : IClassFixture<StreamsFixture>
{
    private const string Root = StreamsFixture.Root;

    [Fact]
    public async Task AUserOutsideTheDomain_Gets403()
    {
        var (_, stranger) = await fixture.UserAsync("stranger");
        using (stranger)
        {
            await stranger.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, Root);
            await stranger.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, Root,
                new { name = StreamsFixture.Unique("s"), resourceBundleId = fixture.BundleId });
            await stranger.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, $"{Root}/metrics");
            // Domain access is decided before the stream is looked up or the body read: nothing is learnt from a 404 or 400.
            var id = (await fixture.CreateAsync()).Str("id");
            foreach (var path in new[] { id, Guid.NewGuid().ToString() })
            {
                await stranger.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, $"{Root}/{path}");
                await stranger.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Put, $"{Root}/{path}", new { });
                await stranger.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Delete, $"{Root}/{path}");
                await stranger.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, $"{Root}/{path}/scale", new { });
                await stranger.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, $"{Root}/{path}/start");
                await stranger.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, $"{Root}/{path}/terminate");
                await stranger.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, $"{Root}/{path}/connect");
                await stranger.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, $"{Root}/{path}/metrics");
            }
        }
    }

    [Fact]
    public async Task AMemberWithoutGrants_SeesNoStream_AndGets403OnEachAction()
    {
        var stream = await fixture.CreateAsync();
        var id = stream.Str("id");
        var (_, member) = await fixture.UserAsync("member", "VIEW_DATA_CATALOG");
        using (member)
        {
            var list = await member.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root);
            Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), s => s.Str("id") == id);
            await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, $"{Root}/{id}");
            await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, $"{Root}/{id}/connect");
            await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Put, $"{Root}/{id}", new { version = 1, replicas = 2 });
            await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, $"{Root}/{id}/terminate");
            await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Delete, $"{Root}/{id}");
            var metrics = await member.SendRawAsync(HttpMethod.Get, $"{Root}/metrics");
            using (metrics.Response)
            {
                Assert.Equal(HttpStatusCode.OK, metrics.Status);
                Assert.DoesNotContain($"stream=\"{stream.Str("name")}\"", metrics.Text, StringComparison.Ordinal);
            }

            // Placing a stream in a bundle the member cannot use is refused, and leaves nothing behind.
            var name = StreamsFixture.Unique("s");
            await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, Root, new { name, resourceBundleId = fixture.BundleId });
            await fixture.CreateAsync(name);
        }
    }

    [Fact]
    public async Task BundleGrants_OpenExactlyTheirPermissions()
    {
        var bundle = await fixture.NewBundleAsync();
        var granted = await fixture.CreateAsync(bundleId: bundle);
        var other = await fixture.CreateAsync();
        var id = granted.Str("id");
        var (userId, member) = await fixture.UserAsync("viewer", "VIEW_DATA_CATALOG");
        using (member)
        {
            await fixture.GrantAsync(bundle, userId, "VIEW");

            var list = await member.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root);
            var ids = list.GetProperty("items").EnumerateArray().Select(s => s.Str("id")).ToList();
            Assert.Contains(id, ids);
            Assert.DoesNotContain(other.Str("id"), ids);
            Assert.Equal(ids.Count, list.GetProperty("total").GetInt64());
            await member.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}");
            await member.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}/connect");
            await member.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}/metrics");
            await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, $"{Root}/{id}/terminate");
            await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, $"{Root}/{id}/scale", new { replicas = 2 });

            await fixture.GrantAsync(bundle, userId, "VIEW", "EXECUTE", "UPDATE");
            var stopped = await member.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{id}/terminate");
            Assert.Equal("STOPPED", stopped.Str("status"));
            await member.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{id}/scale", new { replicas = 2 });
            await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Delete, $"{Root}/{id}");
        }
    }
}
