using System.Net;
using System.Text.Json;
using Iomete.Engine.Catalogs;
using Iomete.Engine.Parquet;
using Iomete.Functions.Sql.Tests.Worksheets;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Writes;
using Microsoft.Extensions.DependencyInjection;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Functions.Sql.Tests.Explorer;

public sealed class ExplorerTests(SqlPlatformFixture fixture) : IClassFixture<SqlPlatformFixture>
{
    private const string Catalog = "spark_catalog";
    private const string V2 = "/api/v2/domains/default/sql/schema/catalogs";
    private static string RestNamespaces => $"/catalogs/{Catalog}/v1/{Catalog}/namespaces";
    private HttpClient Admin => fixture.Admin;

    private ILakehouseCatalog AdminCatalog() => fixture.Platform.Services.GetRequiredService<ILakehouseCatalogFactory>()
        .ForCaller(new Dictionary<string, string> { ["Authorization"] = "Bearer " + fixture.AdminToken });

    /// <summary>A namespace with a table 'orders' (id long required, customer string, day date; identity(customer) partitioning) made through the REST catalog.</summary>
    private async Task<string> NamespaceWithTableAsync()
    {
        var ns = SqlPlatformFixture.Unique("explore");
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, RestNamespaces, new { @namespace = new[] { ns } });
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{RestNamespaces}/{ns}/tables", new Dictionary<string, object>
        {
            ["name"] = "orders",
            ["schema"] = new Dictionary<string, object>
            {
                ["type"] = "struct",
                ["schema-id"] = 0,
                ["fields"] = new object[]
                {
                    new Dictionary<string, object> { ["id"] = 1, ["name"] = "id", ["type"] = "long", ["required"] = true, ["doc"] = "order id" },
                    new Dictionary<string, object> { ["id"] = 2, ["name"] = "customer", ["type"] = "string", ["required"] = false },
                    new Dictionary<string, object> { ["id"] = 3, ["name"] = "amount", ["type"] = "decimal(10,2)", ["required"] = false },
                },
            },
            ["partition-spec"] = new { fields = new object[] { new Dictionary<string, object> { ["source-id"] = 2, ["transform"] = "identity", ["name"] = "customer" } } },
            ["properties"] = new Dictionary<string, string> { ["owner"] = "sales" },
        });
        return ns;
    }

    [Fact]
    public async Task Namespaces_AndTablesWithViews_AreListedWithTypes_PagedAndSearched()
    {
        var ns = await NamespaceWithTableAsync();
        await AdminCatalog().CreateViewAsync(new TableIdent(Catalog, ns, "big_orders"),
            new NewView("SELECT id FROM orders", "duckdb", new Schema(0, [T.Required(1, "id", T.Long)]), Catalog, ns, new Dictionary<string, string>()),
            replace: false, CancellationToken.None);

        var namespaces = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{V2}/{Catalog}/namespaces?search={ns}");
        Assert.Equal(ns, Assert.Single(namespaces.GetProperty("items").EnumerateArray()).Str("name"));

        var tables = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{V2}/{Catalog}/namespaces/{ns}/tables");
        Assert.Equal(2, tables.GetProperty("total").GetInt64());
        Assert.Equal([("big_orders", "VIEW"), ("orders", "TABLE")],
            tables.GetProperty("items").EnumerateArray().Select(t => (t.Str("name"), t.Str("type"))));
        var page = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{V2}/{Catalog}/namespaces/{ns}/tables?sort=-name&limit=1");
        Assert.Equal("orders", Assert.Single(page.GetProperty("items").EnumerateArray()).Str("name"));
        var search = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{V2}/{Catalog}/namespaces/{ns}/tables?search=BIG");
        Assert.Equal("big_orders", Assert.Single(search.GetProperty("items").EnumerateArray()).Str("name"));

        var view = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{V2}/{Catalog}/namespaces/{ns}/tables/big_orders");
        Assert.Equal("VIEW", view.Str("type"));
        Assert.Equal("SELECT id FROM orders", view.Str("viewSql"));
    }

    [Fact]
    public async Task TableDetail_ShowsColumnsPartitioningAndCounts_AndSnapshotsFollowAnAppend()
    {
        var ns = await NamespaceWithTableAsync();
        var url = $"{V2}/{Catalog}/namespaces/{ns}/tables/orders";

        var empty = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, url);
        Assert.Equal([("id", "long", false, "order id"), ("customer", "string", true, null), ("amount", "decimal(10,2)", true, null)],
            empty.GetProperty("columns").EnumerateArray().Select(c => (c.Str("name"), c.Str("type"), c.GetProperty("nullable").GetBoolean(),
                c.TryGetProperty("comment", out var doc) ? doc.GetString() : null)));
        var partition = Assert.Single(empty.GetProperty("partitioning").EnumerateArray());
        Assert.Equal(("customer", "identity"), (partition.Str("sourceColumn"), partition.Str("transform")));
        Assert.Equal("sales", empty.GetProperty("properties").Str("owner"));
        Assert.Contains(ns, empty.Str("location"), StringComparison.Ordinal);
        Assert.Equal(0, empty.GetProperty("rowCount").GetInt64());
        Assert.Empty((await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, url + "/snapshots-and-refs")).GetProperty("snapshots").EnumerateArray());

        var catalog = AdminCatalog();
        var table = (await catalog.LoadTableAsync(new TableIdent(Catalog, ns, "orders"), CancellationToken.None))!;
        var io = fixture.Platform.Services.GetRequiredService<TableFileIO>();
        var files = await new ParquetDataFileWriter(io).WriteRowsAsync(table.Metadata,
            [[1L, "ann", 10.50m], [2L, "bob", 3.25m], [3L, "ann", 7.00m]]);
        var commit = await new AppendFiles(io).PrepareAsync(table.Metadata, files);
        var committed = await catalog.CommitAsync(table.Ident, commit.Requirements, commit.Updates, CancellationToken.None);

        var detail = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, url);
        Assert.Equal(3, detail.GetProperty("rowCount").GetInt64());
        Assert.Equal(files.Count, detail.GetProperty("fileCount").GetInt64());
        var current = detail.GetProperty("currentSnapshot");
        Assert.Equal(committed.Metadata.CurrentSnapshotId, current.GetProperty("snapshotId").GetInt64());
        Assert.Equal("append", current.Str("operation"));

        var history = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, url + "/snapshots-and-refs");
        var snapshot = Assert.Single(history.GetProperty("snapshots").EnumerateArray());
        Assert.Equal(committed.Metadata.CurrentSnapshotId, snapshot.GetProperty("snapshotId").GetInt64());
        Assert.False(snapshot.TryGetProperty("parentSnapshotId", out var parent) && parent.ValueKind != JsonValueKind.Null);
        Assert.Equal("3", snapshot.GetProperty("summary").Str("added-records"));
        var main = Assert.Single(history.GetProperty("refs").EnumerateArray());
        Assert.Equal(("main", "BRANCH", committed.Metadata.CurrentSnapshotId), (main.Str("name"), main.Str("type"), (long?)main.GetProperty("snapshotId").GetInt64()));
    }

    [Fact]
    public async Task UnknownCatalogNamespaceOrTable_Returns404ProblemJson()
    {
        var ns = await NamespaceWithTableAsync();
        await Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, $"{V2}/no_such_catalog/namespaces");
        await Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, $"{V2}/{Catalog}/namespaces/no_such_ns/tables");
        await Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, $"{V2}/{Catalog}/namespaces/{ns}/tables/no_such_table");
        await Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, $"{V2}/{Catalog}/namespaces/{ns}/tables/no_such_table/snapshots-and-refs");
        await Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, $"{V2}/{Catalog}/namespaces/no_such_ns/tables/orders");
    }

    [Fact]
    public async Task CatalogList_ServesDomainMembers_AndIsForbiddenOutsideTheDomain()
    {
        var catalogs = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/domains/default/schema/catalogs");
        Assert.Contains(catalogs.GetProperty("items").EnumerateArray(), c => c.Str("name") == Catalog);

        var (_, member) = await fixture.UserAsync("member", "LIST_SHARED_WORKSHEET");
        var seen = await member.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/domains/default/schema/catalogs");
        Assert.Contains(seen.GetProperty("items").EnumerateArray(), c => c.Str("name") == Catalog);
        var (_, stranger) = await fixture.UserAsync("stranger");
        await stranger.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, $"{V2}/{Catalog}/namespaces");
    }
}
