using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Iomete.Functions.IcebergRest.Tests.Support;
using Iomete.Functions.IcebergRest.Tests.Views;
using Iomete.Platform.Messaging;
using Iomete.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Iomete.Functions.IcebergRest.Tests.Support.IcebergFixture;

namespace Iomete.Functions.IcebergRest.Tests.Events;

/// <summary>Every committed namespace, table and view change is announced on <c>catalog-tables</c>; a broken bus never fails a request.</summary>
public sealed class TableChangePublishingTests : IAsyncLifetime
{
    private readonly RecordingBus bus = new();
    private LocalPlatform platform = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        platform = await LocalPlatform.StartAsync(null, builder => builder.Services.AddSingleton<IEventBus>(bus));
        admin = await platform.LoginAsync();
    }

    public async Task DisposeAsync()
    {
        admin.Dispose();
        await platform.DisposeAsync();
    }

    [Fact]
    public async Task NamespaceChanges_ArePublished_WithTheActor()
    {
        var ns = Unique("pubns");
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { ns } });
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{NsRoot()}/{Ns(ns)}/properties", new { updates = new Dictionary<string, string> { ["comment"] = "x" } });
        await admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{NsRoot()}/{Ns(ns)}");

        var events = bus.For(ns);
        Assert.Equal([TableChangeKinds.NamespaceCreated, TableChangeKinds.NamespaceUpdated, TableChangeKinds.NamespaceDropped], events.Select(e => e.Kind));
        Assert.All(events, e =>
        {
            Assert.Equal(IcebergFixture.Catalog, e.Catalog);
            Assert.Null(e.Name);
            Assert.False(string.IsNullOrEmpty(e.Actor));
        });
    }

    [Fact]
    public async Task TableChanges_ArePublished_WithTheNewMetadataLocation()
    {
        var ns = Unique("pubt");
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { ns } });
        var created = await admin.CreateTableAsync(Ns(ns), "orders");
        var committed = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, TableRequests.Table(Ns(ns), "orders"), new
        {
            requirements = Array.Empty<object>(),
            updates = new object[] { new { action = "set-properties", updates = new Dictionary<string, string> { ["owner"] = "ann" } } },
        });
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{NsRoot()}/{Ns(ns)}/register",
            new Dictionary<string, object> { ["name"] = "orders_copy", ["metadata-location"] = committed.GetProperty("metadata-location").GetString()! });
        await admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, $"/catalogs/{IcebergFixture.Catalog}/v1/{IcebergFixture.Catalog}/tables/rename", new
        {
            source = new { @namespace = new[] { ns }, name = "orders_copy" },
            destination = new { @namespace = new[] { ns }, name = "orders_moved" },
        });
        await admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, TableRequests.Table(Ns(ns), "orders_moved"));

        var events = bus.For(ns).Where(e => e.Name is not null).ToList();
        Assert.Equal(
            [TableChangeKinds.TableCreated, TableChangeKinds.TableCommitted, TableChangeKinds.TableRegistered, TableChangeKinds.TableRenamed, TableChangeKinds.TableDropped],
            events.Select(e => e.Kind));
        Assert.Equal(created.GetProperty("metadata-location").GetString(), events[0].MetadataLocation);
        Assert.Equal(committed.GetProperty("metadata-location").GetString(), events[1].MetadataLocation);
        Assert.Equal(committed.GetProperty("metadata-location").GetString(), events[2].MetadataLocation);
        Assert.Equal(("orders_moved", "orders_copy"), (events[3].Name, events[3].PreviousName));
        Assert.Equal([ns], events[3].PreviousNamespace!);
        Assert.Equal(committed.GetProperty("metadata-location").GetString(), events[3].MetadataLocation);
        Assert.Null(events[4].MetadataLocation);
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.Actor)));
    }

    [Fact]
    public async Task MultiTableTransaction_PublishesOneCommitPerTable()
    {
        var ns = Unique("pubtx");
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { ns } });
        await admin.CreateTableAsync(Ns(ns), "a");
        await admin.CreateTableAsync(Ns(ns), "b");
        object Change(string table) => new
        {
            identifier = new { @namespace = new[] { ns }, name = table },
            requirements = Array.Empty<object>(),
            updates = new object[] { new { action = "set-properties", updates = new Dictionary<string, string> { ["k"] = table } } },
        };
        await admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, $"/catalogs/{IcebergFixture.Catalog}/v1/{IcebergFixture.Catalog}/transactions/commit",
            new Dictionary<string, object> { ["table-changes"] = new[] { Change("a"), Change("b") } });

        var commits = bus.For(ns).Where(e => e.Kind == TableChangeKinds.TableCommitted).ToList();
        Assert.Equal(["a", "b"], commits.Select(c => c.Name!).Order());
        Assert.All(commits, c => Assert.EndsWith(".metadata.json", c.MetadataLocation, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ViewChanges_ArePublished()
    {
        var ns = Unique("pubv");
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { ns } });
        var created = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, ViewTestData.ViewsUrl(ns), ViewTestData.CreateBody(ns, "v1"));
        var replaced = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, ViewTestData.ViewUrl(ns, "v1"),
            ViewTestData.Commit(null, ViewTestData.SetProperties("comment", "the view")));
        await admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, ViewTestData.Rename, ViewTestData.RenameBody(ns, "v1", ns, "v2"));
        await admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, ViewTestData.ViewUrl(ns, "v2"));

        var events = bus.For(ns).Where(e => e.Name is not null).ToList();
        Assert.Equal([TableChangeKinds.ViewCreated, TableChangeKinds.ViewReplaced, TableChangeKinds.ViewRenamed, TableChangeKinds.ViewDropped], events.Select(e => e.Kind));
        Assert.Equal(created.GetProperty("metadata-location").GetString(), events[0].MetadataLocation);
        Assert.Equal(replaced.GetProperty("metadata-location").GetString(), events[1].MetadataLocation);
        Assert.Equal(("v2", "v1"), (events[2].Name, events[2].PreviousName));
    }

    [Fact]
    public async Task FailedRequest_PublishesNothing()
    {
        var ns = Unique("pubfail");
        await admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, TableRequests.TablesOf(Ns(ns)), TableRequests.CreateBody("t"));
        Assert.Empty(bus.For(ns));
    }

    [Fact]
    public async Task BrokenEventBus_DoesNotFailTheCommit()
    {
        await using var broken = await LocalPlatform.StartAsync(null, builder => builder.Services.AddSingleton<IEventBus>(new ThrowingBus()));
        using var client = await broken.LoginAsync();
        var ns = Unique("broken");
        await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { ns } });
        var created = await client.CreateTableAsync(Ns(ns), "t");
        Assert.Equal(JsonValueKind.String, created.GetProperty("metadata-location").ValueKind);
        await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, TableRequests.Table(Ns(ns), "t"));
    }

    private sealed class RecordingBus : IEventBus
    {
        private readonly ConcurrentQueue<TableChanged> changes = new();

        public Task PublishAsync<T>(string topic, T payload, CancellationToken ct)
        {
            if (topic == PlatformTopics.Tables && payload is TableChanged change)
            {
                changes.Enqueue(change);
            }
            return Task.CompletedTask;
        }

        public List<TableChanged> For(string ns) => changes.Where(c => c.Namespace.Count == 1 && c.Namespace[0] == ns).ToList();
    }

    private sealed class ThrowingBus : IEventBus
    {
        public Task PublishAsync<T>(string topic, T payload, CancellationToken ct) => throw new HttpRequestException("pub/sub is down");
    }
}
