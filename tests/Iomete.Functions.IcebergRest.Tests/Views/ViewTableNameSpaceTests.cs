using System.Net;
using Iomete.Functions.IcebergRest.Tests.Support;
using static Iomete.Functions.IcebergRest.Tests.Support.IcebergFixture;
using static Iomete.Functions.IcebergRest.Tests.Views.ViewTestData;

namespace Iomete.Functions.IcebergRest.Tests.Views;

/// <summary>RCK ViewCatalogTests ports about tables and views sharing one name space, plus view updates beyond versions.</summary>
public sealed class ViewTableNameSpaceTests(IcebergFixture fixture) : IClassFixture<IcebergFixture>
{
    private HttpClient Admin => fixture.Admin;

    private static string Tables(string ns) => $"{NsRoot()}/{Ns(ns)}/tables";

    [Fact]
    public async Task CreateTableThatAlreadyExistsAsView_Returns409AlreadyExists()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateViewAsync(ns, "view");

        var error = await Admin.ExpectErrorAsync(HttpStatusCode.Conflict, "AlreadyExistsException", HttpMethod.Post, Tables(ns), $$"""{"name":"view","schema":{{Schema}}}""");
        Assert.StartsWith($"View with same name already exists: {ns}.view", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadTableThatAlreadyExistsAsView_Returns404NoSuchTable()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateViewAsync(ns, "view");

        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchTableException", HttpMethod.Get, $"{Tables(ns)}/view");
        await Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Head, $"{Tables(ns)}/view");
    }

    [Fact]
    public async Task ReplaceViewThatAlreadyExistsAsTable_Returns404NoSuchView()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateTableRowAsync(ns, "table");

        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchViewException", HttpMethod.Post, ViewUrl(ns, "table"),
            Commit(null, AddVersion(ns, "select 1", schemaId: 0), SetCurrentLast));
    }

    [Fact]
    public async Task RegisterTableThatAlreadyExistsAsView_Returns409AlreadyExists()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateViewAsync(ns, "view");
        var table = await fixture.CreateTableRowAsync(ns, "table");

        await Admin.ExpectErrorAsync(HttpStatusCode.Conflict, "AlreadyExistsException", HttpMethod.Post, $"{NsRoot()}/{Ns(ns)}/register",
            new Dictionary<string, string> { ["name"] = "view", ["metadata-location"] = table.GetProperty("metadata-location").GetString()! });
    }

    [Fact]
    public async Task RenameTableTargetAlreadyExistsAsView_Returns409AndKeepsBoth()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateViewAsync(ns, "view");
        await fixture.CreateTableRowAsync(ns, "table");

        await Admin.ExpectErrorAsync(HttpStatusCode.Conflict, "AlreadyExistsException", HttpMethod.Post, $"/catalogs/{IcebergFixture.Catalog}/v1/{IcebergFixture.Catalog}/tables/rename",
            RenameBody(ns, "table", ns, "view"));
        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Head, $"{Tables(ns)}/table");
        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Head, ViewUrl(ns, "view"));
    }

    [Fact]
    public async Task ListViewsAndTables_EachListsOnlyItsKind()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateTableRowAsync(ns, "table");
        await fixture.CreateViewAsync(ns, "view");

        Assert.Equal(["view"], (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewsUrl(ns))).Names());
        Assert.Equal(["table"], (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Tables(ns))).Names());
    }

    [Fact]
    public async Task UpdateViewLocation_WritesTheNextMetadataFileUnderTheNewLocation()
    {
        var ns = await fixture.NamespaceAsync();
        var created = await fixture.CreateViewAsync(ns, "view");
        var location = created.GetProperty("metadata").GetProperty("location").GetString() + "_moved";

        var moved = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, ViewUrl(ns, "view"),
            Commit(created.Uuid(), $$"""{"action":"set-location","location":"{{location}}"}"""));

        Assert.Equal(location, moved.GetProperty("metadata").GetProperty("location").GetString());
        Assert.StartsWith(location + "/metadata/00001-", moved.MetadataLocation(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqlForMultipleDialects_AreKeptInOneVersion()
    {
        var ns = await fixture.NamespaceAsync();
        var body = CreateBody(ns, "view").Replace(
            "\"dialect\":\"spark\"}]", "\"dialect\":\"spark\"},{\"type\":\"sql\",\"sql\":\"select * from ns.tbl\",\"dialect\":\"trino\"}]", StringComparison.Ordinal);

        var created = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, ViewsUrl(ns), body);

        var version = Assert.Single(created.GetProperty("metadata").GetProperty("versions").EnumerateArray());
        Assert.Equal(["spark", "trino"], version.GetProperty("representations").EnumerateArray().Select(r => r.GetProperty("dialect").GetString()!));
    }

    [Fact]
    public async Task VersionHistory_KeepsAtMostTheConfiguredNumberOfVersions()
    {
        var ns = await fixture.NamespaceAsync();
        var created = await fixture.CreateViewAsync(ns, "view");
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, ViewUrl(ns, "view"), Commit(created.Uuid(), SetProperties("version.history.num-entries", "2")));

        System.Text.Json.JsonElement last = default;
        for (var i = 2; i <= 4; i++)
        {
            last = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, ViewUrl(ns, "view"),
                Commit(created.Uuid(), AddVersion(ns, $"select {i}", schemaId: 0), SetCurrentLast));
        }

        var metadata = last.GetProperty("metadata");
        Assert.Equal([3, 4], metadata.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version-id").GetInt32()));
        Assert.Equal([3, 4], metadata.GetProperty("version-log").EnumerateArray().Select(v => v.GetProperty("version-id").GetInt32()));
    }
}
