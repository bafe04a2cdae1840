using System.Net;
using Iomete.Functions.IcebergRest.Tests.Support;
using static Iomete.Functions.IcebergRest.Tests.Support.IcebergFixture;
using static Iomete.Functions.IcebergRest.Tests.Views.ViewTestData;

namespace Iomete.Functions.IcebergRest.Tests.Views;

/// <summary>Ports of the Iceberg RCK ViewCatalogTests cases that need no table data (named after them).</summary>
public sealed class ViewCatalogTests(IcebergFixture fixture) : IClassFixture<IcebergFixture>
{
    private HttpClient Admin => fixture.Admin;

    [Fact]
    public async Task BasicCreateView_CreatesVersionOneUnderTheWarehouseAndLoadsIt()
    {
        var ns = await fixture.NamespaceAsync();
        await Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Head, ViewUrl(ns, "view"));

        var created = await fixture.CreateViewAsync(ns, "view");
        var metadata = created.GetProperty("metadata");
        Assert.Equal(1, metadata.GetProperty("format-version").GetInt32());
        Assert.Equal(1, metadata.GetProperty("current-version-id").GetInt32());
        var version = Assert.Single(metadata.GetProperty("versions").EnumerateArray());
        Assert.Equal(0, version.GetProperty("schema-id").GetInt32());
        Assert.Equal([ns], version.GetProperty("default-namespace").Strings());
        var sql = Assert.Single(version.GetProperty("representations").EnumerateArray());
        Assert.Equal("select * from ns.tbl", sql.GetProperty("sql").GetString());
        Assert.Equal("spark", sql.GetProperty("dialect").GetString());
        Assert.Equal("val1", metadata.GetProperty("properties").GetProperty("prop1").GetString());
        Assert.EndsWith($"/{IcebergFixture.Catalog}/{ns}/view", metadata.GetProperty("location").GetString(), StringComparison.Ordinal);
        Assert.StartsWith(metadata.GetProperty("location").GetString() + "/metadata/00000-", created.MetadataLocation(), StringComparison.Ordinal);
        Assert.Single(metadata.GetProperty("version-log").EnumerateArray());

        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Head, ViewUrl(ns, "view"));
        var loaded = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewUrl(ns, "view"));
        Assert.Equal(created.MetadataLocation(), loaded.MetadataLocation());
        Assert.Equal(metadata.GetRawText(), loaded.GetProperty("metadata").GetRawText());
    }

    [Fact]
    public async Task CreateViewThatAlreadyExists_Returns409AlreadyExists()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateViewAsync(ns, "view");

        var error = await Admin.ExpectErrorAsync(HttpStatusCode.Conflict, "AlreadyExistsException", HttpMethod.Post, ViewsUrl(ns), CreateBody(ns, "view", "select 2"));
        Assert.Equal($"View already exists: {ns}.view", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task CreateViewThatAlreadyExistsAsTable_Returns409AlreadyExists()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateTableRowAsync(ns, "table");

        var error = await Admin.ExpectErrorAsync(HttpStatusCode.Conflict, "AlreadyExistsException", HttpMethod.Post, ViewsUrl(ns), CreateBody(ns, "table"));
        Assert.Equal($"Table with same name already exists: {ns}.table", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task LoadViewThatAlreadyExistsAsTable_Returns404NoSuchView()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateTableRowAsync(ns, "table");

        var error = await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchViewException", HttpMethod.Get, ViewUrl(ns, "table"));
        Assert.Equal($"View does not exist: {ns}.table", error.GetProperty("message").GetString());
        await Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Head, ViewUrl(ns, "table"));
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchViewException", HttpMethod.Delete, ViewUrl(ns, "table"));
    }

    [Fact]
    public async Task LoadViewWithNonExistingNamespace_Returns404NoSuchView()
    {
        var missing = Unique("non_existing");
        await Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Head, ViewUrl(missing, "view"));
        var error = await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchViewException", HttpMethod.Get, ViewUrl(missing, "view"));
        Assert.StartsWith($"View does not exist: {missing}.view", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenameView_MovesItAndKeepsItsMetadata()
    {
        var ns = await fixture.NamespaceAsync();
        var created = await fixture.CreateViewAsync(ns, "view");

        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, Rename, RenameBody(ns, "view", ns, "renamed"));

        await Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Head, ViewUrl(ns, "view"));
        var loaded = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewUrl(ns, "renamed"));
        Assert.Equal(created.MetadataLocation(), loaded.MetadataLocation());
        Assert.Equal(created.Uuid(), loaded.Uuid());
    }

    [Fact]
    public async Task RenameViewUsingDifferentNamespace_MovesItThere()
    {
        var ns = await fixture.NamespaceAsync();
        var other = await fixture.NamespaceAsync("other_ns");
        var created = await fixture.CreateViewAsync(ns, "view");

        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, Rename, RenameBody(ns, "view", other, "renamed"));

        Assert.Empty((await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewsUrl(ns))).Names());
        Assert.Equal(["renamed"], (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewsUrl(other))).Names());
        Assert.Equal(created.Uuid(), (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewUrl(other, "renamed"))).Uuid());
    }

    [Fact]
    public async Task RenameViewNamespaceMissing_Returns404NoSuchNamespace()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateViewAsync(ns, "view");
        var missing = Unique("non_existing");

        var error = await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchNamespaceException", HttpMethod.Post, Rename, RenameBody(ns, "view", missing, "renamed"));
        Assert.Contains(missing, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Head, ViewUrl(ns, "view"));
    }

    [Fact]
    public async Task RenameViewSourceMissing_Returns404NoSuchView()
    {
        var ns = await fixture.NamespaceAsync();

        var error = await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchViewException", HttpMethod.Post, Rename, RenameBody(ns, "non_existing", ns, "renamed"));
        Assert.Contains($"View does not exist: {ns}.non_existing", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenameViewTargetAlreadyExistsAsView_Returns409AndKeepsBoth()
    {
        var ns = await fixture.NamespaceAsync();
        var source = await fixture.CreateViewAsync(ns, "view", "select 1");
        var target = await fixture.CreateViewAsync(ns, "target", "select 2");

        var error = await Admin.ExpectErrorAsync(HttpStatusCode.Conflict, "AlreadyExistsException", HttpMethod.Post, Rename, RenameBody(ns, "view", ns, "target"));
        Assert.Contains($"Cannot rename {ns}.view to {ns}.target. View already exists", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(source.Uuid(), (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewUrl(ns, "view"))).Uuid());
        Assert.Equal(target.Uuid(), (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewUrl(ns, "target"))).Uuid());
    }

    [Fact]
    public async Task RenameViewTargetAlreadyExistsAsTable_Returns409()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateViewAsync(ns, "view");
        await fixture.CreateTableRowAsync(ns, "table");

        var error = await Admin.ExpectErrorAsync(HttpStatusCode.Conflict, "AlreadyExistsException", HttpMethod.Post, Rename, RenameBody(ns, "view", ns, "table"));
        Assert.Contains($"Cannot rename {ns}.view to {ns}.table. Table already exists", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListViews_ListsOnlyViewsInNameOrder_AndPages()
    {
        var ns = await fixture.NamespaceAsync();
        Assert.Empty((await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewsUrl(ns))).Names());
        foreach (var name in new[] { "view3", "view1", "view2" })
        {
            await fixture.CreateViewAsync(ns, name);
        }
        await fixture.CreateTableRowAsync(ns, "table");

        var all = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewsUrl(ns));
        Assert.Equal(["view1", "view2", "view3"], all.Names());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, all.GetProperty("next-page-token").ValueKind);
        Assert.All(all.GetProperty("identifiers").EnumerateArray(), i => Assert.Equal([ns], i.GetProperty("namespace").Strings()));

        var first = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{ViewsUrl(ns)}?pageToken=&pageSize=2");
        Assert.Equal(["view1", "view2"], first.Names());
        var token = Uri.EscapeDataString(first.GetProperty("next-page-token").GetString()!);
        var second = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{ViewsUrl(ns)}?pageToken={token}&pageSize=2");
        Assert.Equal(["view3"], second.Names());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("next-page-token").ValueKind);

        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchNamespaceException", HttpMethod.Get, ViewsUrl(Unique("missing")));
    }

    [Fact]
    public async Task ReplaceViewVersion_AddsSchemaAndVersionAndWritesANewMetadataFile()
    {
        var ns = await fixture.NamespaceAsync();
        var created = await fixture.CreateViewAsync(ns, "view");

        var replaced = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, ViewUrl(ns, "view"),
            Commit(created.Uuid(), AddSchema(OtherSchema), AddVersion(ns, "select some_id from ns.tbl"), SetCurrentLast));

        var metadata = replaced.GetProperty("metadata");
        Assert.Equal(2, metadata.GetProperty("current-version-id").GetInt32());
        Assert.Equal(2, metadata.GetProperty("schemas").GetArrayLength());
        var current = metadata.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("version-id").GetInt32() == 2);
        Assert.Equal(1, current.GetProperty("schema-id").GetInt32());
        Assert.Equal([1, 2], metadata.GetProperty("version-log").EnumerateArray().Select(e => e.GetProperty("version-id").GetInt32()));
        Assert.NotEqual(created.MetadataLocation(), replaced.MetadataLocation());
        Assert.Contains("/metadata/00001-", replaced.MetadataLocation(), StringComparison.Ordinal);
        Assert.Equal(replaced.MetadataLocation(), (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewUrl(ns, "view"))).MetadataLocation());
    }

    [Fact]
    public async Task ReplaceViewVersionByUpdatingSQLForDialect_KeepsOneQueryPerDialect()
    {
        var ns = await fixture.NamespaceAsync();
        var created = await fixture.CreateViewAsync(ns, "view", "select * from ns.tbl");

        var replaced = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, ViewUrl(ns, "view"),
            Commit(created.Uuid(), AddVersion(ns, "select count(*) from ns.tbl", schemaId: 0), SetCurrentLast));

        var current = replaced.GetProperty("metadata").GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("version-id").GetInt32() == 2);
        var sql = Assert.Single(current.GetProperty("representations").EnumerateArray());
        Assert.Equal("select count(*) from ns.tbl", sql.GetProperty("sql").GetString());
    }

    [Fact]
    public async Task ReplaceViewConflict_WithAStaleUuidRequirement_Returns409CommitFailed()
    {
        var ns = await fixture.NamespaceAsync();
        var created = await fixture.CreateViewAsync(ns, "view");

        await Admin.ExpectErrorAsync(HttpStatusCode.Conflict, "CommitFailedException", HttpMethod.Post, ViewUrl(ns, "view"),
            Commit(Guid.NewGuid().ToString(), SetProperties("k", "v")));
        Assert.Equal(created.MetadataLocation(), (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewUrl(ns, "view"))).MetadataLocation());
        Assert.Equal([created.MetadataLocation()], await fixture.MetadataFilesAsync(created));
    }

    [Fact]
    public async Task ReplaceViewConflict_AfterTheViewWasDropped_Returns404NoSuchView()
    {
        var ns = await fixture.NamespaceAsync();
        var created = await fixture.CreateViewAsync(ns, "view");
        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, ViewUrl(ns, "view"));

        var error = await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchViewException", HttpMethod.Post, ViewUrl(ns, "view"),
            Commit(created.Uuid(), AddVersion(ns, "select 2", schemaId: 0), SetCurrentLast));
        Assert.StartsWith($"View does not exist: {ns}.view", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentReplaceViewVersion_EveryCommitLandsThroughServerSideRetry()
    {
        var ns = await fixture.NamespaceAsync();
        var created = await fixture.CreateViewAsync(ns, "view");

        await Task.WhenAll(Enumerable.Range(0, 3).Select(i =>
            Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, ViewUrl(ns, "view"), Commit(created.Uuid(), SetProperties($"k{i}", "v")))));

        var loaded = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewUrl(ns, "view"));
        var properties = loaded.GetProperty("metadata").GetProperty("properties");
        Assert.All(new[] { "k0", "k1", "k2" }, k => Assert.Equal("v", properties.GetProperty(k).GetString()));
        // Files of commits that lost the pointer swap are deleted: one file per landed commit, plus the create.
        Assert.Equal(4, (await fixture.MetadataFilesAsync(loaded)).Count);
        Assert.Contains(loaded.MetadataLocation(), await fixture.MetadataFilesAsync(loaded));
    }

    [Fact]
    public async Task UpdateViewProperties_SetsAndRemoves_AndANoOpWritesNothing()
    {
        var ns = await fixture.NamespaceAsync();
        var created = await fixture.CreateViewAsync(ns, "view");

        var set = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, ViewUrl(ns, "view"), Commit(created.Uuid(), SetProperties("new.property", "new.value")));
        Assert.Equal("new.value", set.GetProperty("metadata").GetProperty("properties").GetProperty("new.property").GetString());

        var removed = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, ViewUrl(ns, "view"),
            Commit(created.Uuid(), """{"action":"remove-properties","removals":["new.property"]}"""));
        Assert.False(removed.GetProperty("metadata").GetProperty("properties").TryGetProperty("new.property", out _));

        var noop = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, ViewUrl(ns, "view"),
            Commit(created.Uuid(), """{"action":"remove-properties","removals":["missing"]}"""));
        Assert.Equal(removed.MetadataLocation(), noop.MetadataLocation());
    }

    [Fact]
    public async Task RegisterView_FromTheMetadataFileOfADroppedView_LoadsTheSameView()
    {
        var ns = await fixture.NamespaceAsync();
        var created = await fixture.CreateViewAsync(ns, "view");
        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, ViewUrl(ns, "view"));

        var registered = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Register(ns),
            new Dictionary<string, string> { ["name"] = "registered", ["metadata-location"] = created.MetadataLocation() });

        Assert.Equal(created.MetadataLocation(), registered.MetadataLocation());
        Assert.Equal(created.Uuid(), (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewUrl(ns, "registered"))).Uuid());
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, ViewUrl(ns, "registered"), Commit(created.Uuid(), SetProperties("after", "register")));
    }

    [Fact]
    public async Task RegisterExistingView_Returns409AlreadyExists()
    {
        var ns = await fixture.NamespaceAsync();
        var created = await fixture.CreateViewAsync(ns, "view");

        var error = await Admin.ExpectErrorAsync(HttpStatusCode.Conflict, "AlreadyExistsException", HttpMethod.Post, Register(ns),
            new Dictionary<string, string> { ["name"] = "view", ["metadata-location"] = created.MetadataLocation() });
        Assert.StartsWith($"View already exists: {ns}.view", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterViewThatAlreadyExistsAsTable_Returns409AlreadyExists()
    {
        var ns = await fixture.NamespaceAsync();
        var created = await fixture.CreateViewAsync(ns, "view");
        await fixture.CreateTableRowAsync(ns, "table");

        var error = await Admin.ExpectErrorAsync(HttpStatusCode.Conflict, "AlreadyExistsException", HttpMethod.Post, Register(ns),
            new Dictionary<string, string> { ["name"] = "table", ["metadata-location"] = created.MetadataLocation() });
        Assert.StartsWith($"Table with same name already exists: {ns}.table", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DropView_Returns204ThenTheViewIsGone()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateViewAsync(ns, "view");

        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, ViewUrl(ns, "view"));

        await Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Head, ViewUrl(ns, "view"));
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchViewException", HttpMethod.Delete, ViewUrl(ns, "view"));
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchViewException", HttpMethod.Get, ViewUrl(ns, "view"));
    }

    [Fact]
    public async Task DropNonEmptyNamespace_WithAView_Returns409NamespaceNotEmpty()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateViewAsync(ns, "view");

        await Admin.ExpectErrorAsync(HttpStatusCode.Conflict, "NamespaceNotEmptyException", HttpMethod.Delete, $"{NsRoot()}/{Ns(ns)}");
        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, ViewUrl(ns, "view"));
        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{NsRoot()}/{Ns(ns)}");
    }
}
