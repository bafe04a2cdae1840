using Iomete.Platform.Messaging;
using Iomete.Platform.Security;

namespace Iomete.Functions.Push.Tests;

/// <summary>
/// Each event reaches only callers allowed to see its resource. "Not delivered" is shown with a later event the caller
/// does see: a stream delivers in log order, so a hidden event would have arrived before it.
/// </summary>
public sealed class PushVisibilityTests(PushFixture fixture) : IClassFixture<PushFixture>
{
    [Fact]
    public async Task AHealthEvent_ReachesAdminsAndReadOnlyAdmins_NotPlainUsers()
    {
        var (userId, user) = await fixture.UserAsync("plain");
        using var readOnly = await fixture.AdminRoleUserAsync("READ_ONLY_ADMIN");
        using (user)
        {
            await using var adminStream = await SseClient.ConnectAsync(fixture.Admin);
            await using var readOnlyStream = await SseClient.ConnectAsync(readOnly);
            await using var userStream = await SseClient.ConnectAsync(user);
            await Task.WhenAll(adminStream.ReadyAsync(), readOnlyStream.ReadyAsync(), userStream.ReadyAsync());

            var component = PushFixture.Unique("db");
            var marker = PushFixture.Unique("q");
            await fixture.PublishAsync(PlatformTopics.Health, Frames.Health(component));
            await fixture.PublishAsync(PlatformTopics.SqlQueries, Frames.Query(marker, userId));

            Assert.Equal("health.status", (await adminStream.FirstMentioningAsync(component)).Event);
            Assert.Equal("health.status", (await readOnlyStream.FirstMentioningAsync(component)).Event);
            var seen = await userStream.UntilAsync(f => f.Mentions(marker));
            Assert.DoesNotContain(seen, f => f.Mentions(component));
        }
    }

    [Fact]
    public async Task ASqlQueryEvent_ReachesItsOwnerAndTheAdmin_NotAnotherUser()
    {
        var (ownerId, owner) = await fixture.UserAsync("owner");
        var (otherId, other) = await fixture.UserAsync("other");
        using (owner)
        using (other)
        {
            await using var adminStream = await SseClient.ConnectAsync(fixture.Admin, "?topics=queries");
            await using var ownerStream = await SseClient.ConnectAsync(owner, "?topics=queries");
            await using var otherStream = await SseClient.ConnectAsync(other, "?topics=queries");
            await Task.WhenAll(adminStream.ReadyAsync(), ownerStream.ReadyAsync(), otherStream.ReadyAsync());

            var query = PushFixture.Unique("q");
            var othersQuery = PushFixture.Unique("q");
            await fixture.PublishAsync(PlatformTopics.SqlQueries, Frames.Query(query, ownerId));
            await fixture.PublishAsync(PlatformTopics.SqlQueries, Frames.Query(othersQuery, otherId, "COMPLETED"));

            var asOwner = await ownerStream.FirstMentioningAsync(query);
            Assert.Equal("sql.query", asOwner.Event);
            Assert.Equal(ownerId, asOwner.Json().Str("userId"));
            Assert.Equal("RUNNING", asOwner.Json().Str("status"));
            await adminStream.FirstMentioningAsync(query);
            await adminStream.FirstMentioningAsync(othersQuery);
            var seenByOther = await otherStream.UntilAsync(f => f.Mentions(othersQuery));
            Assert.DoesNotContain(seenByOther, f => f.Mentions(query));

            var marker = PushFixture.Unique("q");
            await fixture.PublishAsync(PlatformTopics.SqlQueries, Frames.Query(marker, ownerId));
            var seenByOwner = await ownerStream.UntilAsync(f => f.Mentions(marker));
            Assert.DoesNotContain(seenByOwner, f => f.Mentions(othersQuery));
        }
    }

    [Fact]
    public async Task ASqlQueryEvent_ReachesTheOwnersOfItsDomain_NotOtherUsers()
    {
        var (ownerId, ownerName, domainOwner) = await fixture.NamedUserAsync("lead");
        var (authorId, author) = await fixture.UserAsync("author");
        var (_, outsider) = await fixture.UserAsync("outsider");
        var domain = PushFixture.Unique("team");
        await fixture.Admin.ExpectAsync(System.Net.HttpStatusCode.Created, HttpMethod.Post, "/api/v2/admin/domains",
            new { id = domain, name = "Team", owners = new[] { new { id = ownerName, type = "USER" } } });
        using (domainOwner)
        using (author)
        using (outsider)
        {
            await using var ownerStream = await SseClient.ConnectAsync(domainOwner, "?topics=queries");
            await using var outsiderStream = await SseClient.ConnectAsync(outsider, "?topics=queries");
            await Task.WhenAll(ownerStream.ReadyAsync(), outsiderStream.ReadyAsync());

            var query = PushFixture.Unique("q");
            await fixture.PublishAsync(PlatformTopics.SqlQueries, Frames.Query(query, authorId) with { Domain = domain });
            var elsewhere = PushFixture.Unique("q");
            await fixture.PublishAsync(PlatformTopics.SqlQueries, Frames.Query(elsewhere, authorId));
            var marker = PushFixture.Unique("q");
            await fixture.PublishAsync(PlatformTopics.SqlQueries, Frames.Query(marker, ownerId) with { Domain = domain });

            var seenByOwner = await ownerStream.UntilAsync(f => f.Mentions(marker));
            Assert.Equal(domain, Assert.Single(seenByOwner, f => f.Mentions(query)).Json().Str("domain"));
            Assert.DoesNotContain(seenByOwner, f => f.Mentions(elsewhere));
            // Offered to every connection together: by now the outsider's would have arrived.
            Assert.Empty(await TakeWhileAsync(outsiderStream, TimeSpan.FromSeconds(1.5)));
        }
    }

    private static async Task<IReadOnlyList<SseFrame>> TakeWhileAsync(SseClient sse, TimeSpan quiet)
    {
        var seen = new List<SseFrame>();
        try
        {
            while (true)
            {
                seen.Add(await sse.NextEventAsync(quiet));
            }
        }
        catch (TimeoutException)
        {
            return seen;
        }
    }

    [Fact]
    public async Task SparkRunAndComputeEvents_ReachOnlyUsersWhoMayViewTheirResource()
    {
        var visibleBundle = await fixture.NewBundleAsync();
        var hiddenBundle = await fixture.NewBundleAsync();
        var (userId, user) = await fixture.UserAsync("viewer", DomainPermission.ViewDataCatalog);
        var visibleJob = PushFixture.Unique("job");
        var hiddenJob = PushFixture.Unique("job");
        var visibleCluster = PushFixture.Unique("cluster");
        var hiddenCluster = PushFixture.Unique("cluster");
        await fixture.RegisterAssetAsync(visibleBundle, AssetType.SparkJob, visibleJob);
        await fixture.RegisterAssetAsync(hiddenBundle, AssetType.SparkJob, hiddenJob);
        await fixture.RegisterAssetAsync(visibleBundle, AssetType.Compute, visibleCluster);
        await fixture.RegisterAssetAsync(hiddenBundle, AssetType.Compute, hiddenCluster);
        await fixture.GrantAsync(visibleBundle, userId, "SPARK_JOB", "VIEW");
        await fixture.GrantAsync(visibleBundle, userId, "COMPUTE", "VIEW");
        using (user)
        {
            await using var userStream = await SseClient.ConnectAsync(user, "?topics=spark-runs,compute");
            await using var adminStream = await SseClient.ConnectAsync(fixture.Admin, "?topics=spark-runs,compute");
            await Task.WhenAll(userStream.ReadyAsync(), adminStream.ReadyAsync());

            await fixture.PublishAsync("spark-runs", SparkRun(hiddenJob));
            await fixture.PublishAsync("compute-clusters", Compute(hiddenCluster));
            await fixture.PublishAsync("spark-runs", SparkRun(visibleJob));
            await fixture.PublishAsync("compute-clusters", Compute(visibleCluster));

            var seen = await userStream.UntilAsync(f => f.Mentions(visibleCluster));
            Assert.DoesNotContain(seen, f => f.Mentions(hiddenJob) || f.Mentions(hiddenCluster));
            var run = Assert.Single(seen, f => f.Mentions(visibleJob));
            Assert.Equal("spark.run", run.Event);
            Assert.Equal("RUNNING", run.Json().Str("status"));
            Assert.Equal("compute.state", seen[^1].Event);
            Assert.Equal("ACTIVE", seen[^1].Json().Str("state"));

            var all = await adminStream.UntilAsync(f => f.Mentions(visibleCluster));
            Assert.Contains(all, f => f.Mentions(hiddenJob));
            Assert.Contains(all, f => f.Mentions(hiddenCluster));
        }
    }

    [Fact]
    public async Task ATableChange_ReachesCallersWithDataAccess_NotOthers()
    {
        // The seeded policies let everyone read every table except those of the system database.
        var (userId, user) = await fixture.UserAsync("reader");
        using (user)
        {
            await using var userStream = await SseClient.ConnectAsync(user, "?topics=catalog,queries");
            await using var adminStream = await SseClient.ConnectAsync(fixture.Admin, "?topics=catalog");
            await Task.WhenAll(userStream.ReadyAsync(), adminStream.ReadyAsync());

            var hidden = PushFixture.Unique("audit").Replace('-', '_');
            var shared = PushFixture.Unique("orders").Replace('-', '_');
            var marker = PushFixture.Unique("q");
            await fixture.PublishAsync(PlatformTopics.Tables, Created("iomete_system_db", hidden));
            await fixture.PublishAsync(PlatformTopics.Tables, Created("sales", shared));
            await fixture.PublishAsync(PlatformTopics.SqlQueries, Frames.Query(marker, userId));

            var change = await adminStream.FirstMentioningAsync(hidden);
            Assert.Equal("catalog.table", change.Event);
            Assert.Equal("TABLE_CREATED", change.Json().Str("kind"));
            Assert.Equal(["iomete_system_db"], change.Json().GetProperty("namespace").EnumerateArray().Select(n => n.GetString()));
            var seen = await userStream.UntilAsync(f => f.Mentions(marker));
            Assert.DoesNotContain(seen, f => f.Mentions(hidden));
            Assert.Equal("catalog.table", Assert.Single(seen, f => f.Mentions(shared)).Event);
        }
    }

    private TableChanged Created(string database, string table) => new(
        TableChangeKinds.TableCreated, "spark_catalog", [database], table, null, null,
        $"s3://lake/{database}/{table}/metadata/00000.json", fixture.AdminId, DateTimeOffset.UtcNow);

    private static object SparkRun(string jobId) => new
    {
        domain = PushFixture.Domain,
        jobId,
        jobName = "nightly",
        runId = Guid.NewGuid().ToString(),
        previousStatus = "STARTING",
        status = "RUNNING",
        reason = (string?)null,
        errorMessage = (string?)null,
        at = DateTimeOffset.UtcNow,
    };

    private static object Compute(string clusterId) => new
    {
        domain = PushFixture.Domain,
        clusterId,
        clusterName = "analytics",
        previousState = "STARTING",
        state = "ACTIVE",
        reason = (string?)null,
        at = DateTimeOffset.UtcNow,
    };
}
