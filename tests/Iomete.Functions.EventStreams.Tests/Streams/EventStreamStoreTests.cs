using Iomete.Functions.EventStreams.Streams;
using Iomete.Platform.Errors;
using Iomete.Platform.Data;
using Iomete.Platform.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.EventStreams.Tests.Streams;

/// <summary>The store against the real metadata database of a running platform; run on SQLite and on PostgreSQL.</summary>
public abstract class EventStreamStoreTests(StreamsFixture fixture)
{
    private static readonly DateTimeOffset Epoch = DateTimeOffset.UnixEpoch;

    private static EventStream NewStream(string domain = "store-domain", string? name = null, string ns = "iomete-system") => new()
    {
        Id = Guid.NewGuid().ToString(),
        DomainId = domain,
        Name = name ?? StreamsFixture.Unique("st"),
        Namespace = ns,
        ResourceBundleId = "bundle-1",
        Status = EventStreamStatus.Starting,
        Replicas = 2,
        Tags = [new ResourceTag("team", "growth"), new ResourceTag("app.kubernetes.io/name", "")],
        Settings = new EventStreamSettings { CommitIntervalMs = 1500, InvalidRows = InvalidRowPolicy.DeadLetter },
        CreatedBy = "user-1",
        CreatedAt = Epoch,
        UpdatedAt = Epoch,
    };

    [Fact]
    public async Task Create_ThenGetAndFind_ReturnTheStoredStreamWithTagsAndSettings()
    {
        if (!fixture.Started)
        {
            return;
        }
        var created = await fixture.Store.CreateAsync(NewStream(), CancellationToken.None);

        var got = await fixture.Store.GetAsync(created.Id, CancellationToken.None);
        var found = await fixture.Store.FindAsync(created.Namespace, created.Name, CancellationToken.None);

        Assert.NotNull(got);
        Assert.Equal(1, got.Version);
        Assert.Equal(2, got.Replicas);
        Assert.Equal(EventStreamStatus.Starting, got.Status);
        Assert.Equal(created.Tags, got.Tags);
        Assert.Equal(1500, got.Settings.CommitIntervalMs);
        Assert.Equal(InvalidRowPolicy.DeadLetter, got.Settings.InvalidRows);
        Assert.True(got.CreatedAt > Epoch);
        Assert.Equal(got.Id, found!.Id);
        Assert.Equal(got.Tags, found.Tags);
    }

    [Fact]
    public async Task Create_WithATakenNameInTheSameNamespace_Throws409_ButAnotherNamespaceIsFine()
    {
        if (!fixture.Started)
        {
            return;
        }
        var first = await fixture.Store.CreateAsync(NewStream(), CancellationToken.None);

        await Assert.ThrowsAsync<ConflictException>(() => fixture.Store.CreateAsync(NewStream(name: first.Name), CancellationToken.None));
        var other = await fixture.Store.CreateAsync(NewStream(name: first.Name, ns: "analytics"), CancellationToken.None);
        Assert.Equal(first.Name, other.Name);
    }

    [Fact]
    public async Task Update_WithTheReadVersion_BumpsIt_AndAStaleVersionThrows409()
    {
        if (!fixture.Started)
        {
            return;
        }
        var created = await fixture.Store.CreateAsync(NewStream(), CancellationToken.None);

        var updated = await fixture.Store.UpdateAsync(created with { Replicas = 5, VolumeId = "vol-1" }, created.Version, CancellationToken.None);
        Assert.Equal(2, updated.Version);
        Assert.Equal(5, updated.Replicas);
        Assert.Equal("vol-1", updated.VolumeId);

        await Assert.ThrowsAsync<ConflictException>(() =>
            fixture.Store.UpdateAsync(created with { Replicas = 3 }, created.Version, CancellationToken.None));
        Assert.Equal(5, (await fixture.Store.GetAsync(created.Id, CancellationToken.None))!.Replicas);
    }

    [Fact]
    public async Task SetStatus_ChangesTheStatusWithoutTheVersion_AndListRunnable_HoldsStartingAndActiveOnly()
    {
        if (!fixture.Started)
        {
            return;
        }
        var active = await fixture.Store.CreateAsync(NewStream(), CancellationToken.None);
        var stopped = await fixture.Store.CreateAsync(NewStream(domain: "other-domain"), CancellationToken.None);
        var starting = await fixture.Store.CreateAsync(NewStream(domain: "other-domain"), CancellationToken.None);

        await fixture.Store.SetStatusAsync(active.Id, EventStreamStatus.Active, CancellationToken.None);
        await fixture.Store.SetStatusAsync(stopped.Id, EventStreamStatus.Stopped, CancellationToken.None);
        var runnable = await fixture.Store.ListRunnableAsync(CancellationToken.None);

        var reread = await fixture.Store.GetAsync(active.Id, CancellationToken.None);
        Assert.Equal(EventStreamStatus.Active, reread!.Status);
        Assert.Equal(1, reread.Version);
        Assert.Contains(runnable, s => s.Id == active.Id);
        Assert.Contains(runnable, s => s.Id == starting.Id);
        Assert.DoesNotContain(runnable, s => s.Id == stopped.Id);
        Assert.All(runnable, s => Assert.NotEqual(EventStreamStatus.Stopped, s.Status));
    }

    [Fact]
    public async Task Find_SeesEveryLocalChangeAtOnce_DespiteItsCache()
    {
        if (!fixture.Started)
        {
            return;
        }
        var stream = NewStream();
        Assert.Null(await fixture.Store.FindAsync(stream.Namespace, stream.Name, CancellationToken.None));

        var created = await fixture.Store.CreateAsync(stream, CancellationToken.None);
        Assert.Equal(EventStreamStatus.Starting, (await fixture.Store.FindAsync(stream.Namespace, stream.Name, CancellationToken.None))!.Status);

        await fixture.Store.SetStatusAsync(created.Id, EventStreamStatus.Stopped, CancellationToken.None);
        Assert.Equal(EventStreamStatus.Stopped, (await fixture.Store.FindAsync(stream.Namespace, stream.Name, CancellationToken.None))!.Status);

        await fixture.Store.UpdateAsync(created with { Replicas = 7 }, created.Version, CancellationToken.None);
        Assert.Equal(7, (await fixture.Store.FindAsync(stream.Namespace, stream.Name, CancellationToken.None))!.Replicas);

        Assert.True(await fixture.Store.DeleteAsync(created.Id, CancellationToken.None));
        Assert.Null(await fixture.Store.FindAsync(stream.Namespace, stream.Name, CancellationToken.None));
        Assert.Null(await fixture.Store.GetAsync(created.Id, CancellationToken.None));
        Assert.False(await fixture.Store.DeleteAsync(created.Id, CancellationToken.None));
    }

    [Fact]
    public async Task List_FiltersSearchesSortsAndPagesOneDomain()
    {
        if (!fixture.Started)
        {
            return;
        }
        var domain = StreamsFixture.Unique("list");
        foreach (var name in new[] { "orders-b", "orders-a", "clicks", "orders_c" })
        {
            await fixture.Store.CreateAsync(NewStream(domain, name + "-" + domain), CancellationToken.None);
        }
        var inAnalytics = await fixture.Store.CreateAsync(NewStream(domain, "orders-z-" + domain, "analytics"), CancellationToken.None);
        await fixture.Store.CreateAsync(NewStream(), CancellationToken.None);

        var byName = new ListQuery(0, 2, "name", false, "orders-");
        var first = await fixture.Store.ListAsync(domain, new EventStreamFilter(), byName, CancellationToken.None);
        Assert.Equal(3, first.Total);
        Assert.Equal(["orders-a-" + domain, "orders-b-" + domain], first.Items.Select(s => s.Name));
        var second = await fixture.Store.ListAsync(domain, new EventStreamFilter(), byName with { Offset = 2 }, CancellationToken.None);
        Assert.Equal(["orders-z-" + domain], second.Items.Select(s => s.Name));

        var descending = await fixture.Store.ListAsync(domain, new EventStreamFilter(), new ListQuery(0, 100, "name", true, null), CancellationToken.None);
        var ascending = await fixture.Store.ListAsync(domain, new EventStreamFilter(), new ListQuery(0, 100, "name", false, null), CancellationToken.None);
        Assert.Equal(5, descending.Total);
        Assert.Equal(ascending.Items.Select(s => s.Id).Reverse(), descending.Items.Select(s => s.Id));
        Assert.Equal("clicks-" + domain, ascending.Items[0].Name);

        // '_' in the search is a character, not a LIKE wildcard.
        var underscore = await fixture.Store.ListAsync(domain, new EventStreamFilter(), new ListQuery(0, 100, "name", false, "orders_"), CancellationToken.None);
        Assert.Equal(["orders_c-" + domain], underscore.Items.Select(s => s.Name));

        await fixture.Store.SetStatusAsync(inAnalytics.Id, EventStreamStatus.Active, CancellationToken.None);
        var active = await fixture.Store.ListAsync(domain, new EventStreamFilter(Status: EventStreamStatus.Active), new ListQuery(0, 100, "name", false, null), CancellationToken.None);
        Assert.Equal([inAnalytics.Id], active.Items.Select(s => s.Id));
        var ns = await fixture.Store.ListAsync(domain, new EventStreamFilter(Namespace: "analytics"), new ListQuery(0, 100, "created_ms", false, null), CancellationToken.None);
        Assert.Equal([inAnalytics.Id], ns.Items.Select(s => s.Id));
    }
    [Fact]
    public async Task Find_SeesAChangeMadeByAnotherStoreInstance_AtTheLatestAfterTwoSeconds()
    {
        if (!fixture.Started)
        {
            return;
        }
        var clock = new ManualClock();
        var db = fixture.Platform.Services.GetRequiredService<IMetadataDb>();
        var replica = new EventStreamStore(db, clock);
        var created = await fixture.Store.CreateAsync(NewStream(), CancellationToken.None);
        Assert.Equal(EventStreamStatus.Starting, (await replica.FindAsync(created.Namespace, created.Name, CancellationToken.None))!.Status);

        await fixture.Store.SetStatusAsync(created.Id, EventStreamStatus.Active, CancellationToken.None);
        var soon = await replica.FindAsync(created.Namespace, created.Name, CancellationToken.None);
        if (db.ChangeSignal(EventStreamsRegistration.Service) is not null)
        {
            // The embedded engine's change signal reaches every store on the data directory at once.
            Assert.Equal(EventStreamStatus.Active, soon!.Status);
        }
        clock.Advance(TimeSpan.FromSeconds(2.1));
        Assert.Equal(EventStreamStatus.Active, (await replica.FindAsync(created.Namespace, created.Name, CancellationToken.None))!.Status);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}

public sealed class SqliteEventStreamStoreTests(StreamsFixture fixture) : EventStreamStoreTests(fixture), IClassFixture<StreamsFixture>;

public sealed class PostgresEventStreamStoreTests(PostgresStreamsFixture fixture) : EventStreamStoreTests(fixture), IClassFixture<PostgresStreamsFixture>;
