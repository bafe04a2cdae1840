using System.Net;
using System.Text.Json;
using Iomete.Functions.EventStreams.Streams;

namespace Iomete.Functions.EventStreams.Tests.Streams;

/// <summary>The stream resource API through the local host (SQLite), with the recording runtime.</summary>
public sealed class EventStreamApiTests(StreamsFixture fixture) : IClassFixture<StreamsFixture>
{
    private const string Root = StreamsFixture.Root;

    [Fact]
    public async Task Create_Returns201_StartsTheStream_AndAppliesDefaults()
    {
        var name = StreamsFixture.Unique("orders");
        var stream = await fixture.CreateAsync(name, new { tags = new[] { new { key = "team", value = "growth" } } });

        Assert.Equal(name, stream.Str("name"));
        Assert.Equal("iomete-system", stream.Str("namespace"));
        Assert.Equal("STARTING", stream.Str("status"));
        Assert.Equal(1, stream.GetProperty("replicas").GetInt32());
        Assert.Equal(5000, stream.GetProperty("settings").GetProperty("commitIntervalMs").GetInt32());
        Assert.Equal("REJECT", stream.GetProperty("settings").Str("invalidRows"));
        Assert.Equal($"/data-plane/iomete-system/event-stream/{name}/ingest", stream.Str("ingestPath"));
        Assert.Equal(1, stream.GetProperty("version").GetInt64());
        Assert.Contains(fixture.Runtime.Started, s => s.Id == stream.Str("id") && s.Status == EventStreamStatus.Starting);
        var got = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{stream.Str("id")}");
        Assert.Equal("growth", got.GetProperty("tags")[0].Str("value"));
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("under_score")]
    [InlineData("a123456789a123456789a123456789a123456789a1234567890123")]
    public async Task Create_WithABadName_Returns400(string name)
    {
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Root,
            new { name, resourceBundleId = fixture.BundleId });
    }

    [Fact]
    public async Task Create_WithA53CharacterName_IsAccepted()
    {
        var name = "a" + new string('b', 44) + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(53, name.Length);
        await fixture.CreateAsync(name);
    }

    [Fact]
    public async Task Create_InAnotherConfiguredNamespace_IsAccepted_ButAnUnknownNamespaceReturns400()
    {
        var stream = await fixture.CreateAsync(extra: new { @namespace = "analytics" });
        Assert.Equal("analytics", stream.Str("namespace"));

        var problem = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Root,
            new { name = StreamsFixture.Unique("s"), resourceBundleId = fixture.BundleId, @namespace = "elsewhere" });
        Assert.Contains("namespace", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Create_WithOutOfRangeSettingsOrResources_Returns400NamingTheField()
    {
        var problem = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Root,
            new { name = StreamsFixture.Unique("s"), resourceBundleId = fixture.BundleId, settings = new { commitIntervalMs = 10, compactionThreshold = 1 } });
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("settings.commitIntervalMs", fields);
        Assert.Contains("settings.compactionThreshold", fields);

        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Root,
            new { name = StreamsFixture.Unique("s"), resourceBundleId = fixture.BundleId, replicas = 11 });
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Root,
            new { name = StreamsFixture.Unique("s"), resourceBundleId = fixture.BundleId, settings = new { invalidRows = "SOMETIMES" } });
    }

    [Theory]
    [InlineData("-bad", "v")]
    [InlineData("ok", "bad value")]
    [InlineData("Bad_Prefix/name", "v")]
    [InlineData("a123456789a123456789a123456789a123456789a123456789a123456789abcd", "v")]
    public async Task Create_WithBadTags_Returns400(string key, string value)
    {
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Root,
            new { name = StreamsFixture.Unique("s"), resourceBundleId = fixture.BundleId, tags = new[] { new { key, value } } });
    }

    [Fact]
    public async Task Create_WithDuplicateTagKeysOrADuplicateName_IsRefused()
    {
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Root,
            new { name = StreamsFixture.Unique("s"), resourceBundleId = fixture.BundleId, tags = new[] { new { key = "a", value = "1" }, new { key = "a", value = "2" } } });
        var stream = await fixture.CreateAsync();
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, Root,
            new { name = stream.Str("name"), resourceBundleId = fixture.BundleId });
    }

    [Fact]
    public async Task Anonymous_Gets401ProblemJson()
    {
        using var anonymous = fixture.Platform.Anonymous();
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Get, Root);
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Post, Root, new { name = "x" });
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Get, $"{Root}/metrics");
    }

    [Fact]
    public async Task UnknownStream_Returns404()
    {
        var missing = Guid.NewGuid().ToString();
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, $"{Root}/{missing}");
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Delete, $"{Root}/{missing}");
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Post, $"{Root}/{missing}/start");
    }

    [Fact]
    public async Task Configure_BumpsTheVersion_RestartsTheRunningStream_AndAStaleVersionReturns409()
    {
        var stream = await fixture.CreateAsync();
        var id = stream.Str("id");
        var otherBundle = await fixture.NewBundleAsync();

        var updated = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Root}/{id}", new
        {
            version = 1,
            resourceBundleId = otherBundle,
            cpuMillicores = 2000,
            volumeId = "vol-1",
            tags = new[] { new { key = "tier", value = "gold" } },
            settings = new { commitIntervalMs = 1000, invalidRows = "DEAD_LETTER" },
        });

        Assert.Equal(2, updated.GetProperty("version").GetInt64());
        Assert.Equal(otherBundle, updated.Str("resourceBundleId"));
        Assert.Equal(2000, updated.GetProperty("cpuMillicores").GetInt32());
        Assert.Equal("vol-1", updated.Str("volumeId"));
        Assert.Equal("DEAD_LETTER", updated.GetProperty("settings").Str("invalidRows"));
        Assert.Equal(stream.Str("name"), updated.Str("name"));
        Assert.Contains(fixture.Runtime.Started, s => s.Id == id && s.Version == 2 && s.Settings.CommitIntervalMs == 1000);
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Put, $"{Root}/{id}", new { version = 1, replicas = 3 });
    }

    [Fact]
    public async Task Scale_SetsReplicas_AndRefusesMoreThanTen()
    {
        var id = (await fixture.CreateAsync()).Str("id");

        var scaled = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{id}/scale", new { replicas = 4 });

        Assert.Equal(4, scaled.GetProperty("replicas").GetInt32());
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, $"{Root}/{id}/scale", new { replicas = 11 });
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, $"{Root}/{id}/scale", new { replicas = 5, version = 1 });
    }

    [Fact]
    public async Task Terminate_DrainsThenStops_AndStart_StartsAgain()
    {
        var id = (await fixture.CreateAsync()).Str("id");

        var stopped = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{id}/terminate");
        Assert.Equal("STOPPED", stopped.Str("status"));
        Assert.Contains(id, fixture.Runtime.Stopped);

        var started = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{id}/start");
        Assert.Equal("STARTING", started.Str("status"));
        Assert.Equal(2, fixture.Runtime.Started.Count(s => s.Id == id));

        var again = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{id}/start");
        Assert.Equal("STARTING", again.Str("status"));
        Assert.Equal(2, fixture.Runtime.Started.Count(s => s.Id == id));
    }

    [Fact]
    public async Task Delete_StopsForgetsAndRemovesTheStream()
    {
        var id = (await fixture.CreateAsync()).Str("id");

        await fixture.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Root}/{id}");

        Assert.Contains(id, fixture.Runtime.Stopped);
        Assert.Contains(id, fixture.Runtime.Forgotten);
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, $"{Root}/{id}");
    }

    [Fact]
    public async Task List_FiltersByStatusAndSearch_AndRefusesAnUnknownSort()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var a = await fixture.CreateAsync("lst-a-" + tag);
        await fixture.CreateAsync("lst-b-" + tag);
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{a.Str("id")}/terminate");

        var all = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}?search={tag}&sort=-name");
        Assert.Equal(2, all.GetProperty("total").GetInt64());
        Assert.Equal(["lst-b-" + tag, "lst-a-" + tag], all.GetProperty("items").EnumerateArray().Select(s => s.Str("name")));
        var stopped = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}?search={tag}&status=STOPPED");
        Assert.Equal(["lst-a-" + tag], stopped.GetProperty("items").EnumerateArray().Select(s => s.Str("name")));
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Get, $"{Root}?sort=color");
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Get, $"{Root}?status=RUNNING");
    }
}
