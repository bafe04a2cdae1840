using System.Net;
using System.Text.Json;
using Iomete.Functions.Catalog.Tests.Search;

namespace Iomete.Functions.Catalog.Tests.Explorer;

/// <summary>The data explorer's lists over the seeded index: totals, sorting, paging and what an analyst may see.</summary>
public sealed class ExplorerApiTests(SeededSearchFixture fixture) : IClassFixture<SeededSearchFixture>
{
    private const string Root = "/api/v1/domains/default/data-catalog/catalogs";
    private const int Tables = SeededCatalog.FillerTables + 9;
    private const int Databases = 30 + 5;

    [Fact]
    public async Task Catalogs_ShowTypeLocationAndTotals()
    {
        var page = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root);
        var catalog = Assert.Single(page.GetProperty("items").EnumerateArray());

        Assert.Equal(("spark_catalog", "ICEBERG_REST", "s3://lakehouse"), (catalog.Str("name"), catalog.Str("type"), catalog.Str("location")));
        Assert.Equal(Databases, catalog.GetProperty("totalSchemaCount").GetInt32());
        Assert.Equal(Tables, catalog.GetProperty("totalTableCount").GetInt32());
        Assert.Equal(1, catalog.GetProperty("totalViewCount").GetInt32());
        Assert.Equal((Tables + 1) * 1_000_000L, catalog.GetProperty("totalSizeInBytes").GetInt64());
        Assert.Equal((Tables + 1) * 10L, catalog.GetProperty("totalFiles").GetInt64());
    }

    [Fact]
    public async Task Catalogs_CountOnlyWhatTheAnalystMaySee()
    {
        var page = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root);
        var catalog = Assert.Single(page.GetProperty("items").EnumerateArray());

        Assert.Equal(Tables - 1, catalog.GetProperty("totalTableCount").GetInt32());
        Assert.Equal(Tables * 1_000_000L, catalog.GetProperty("totalSizeInBytes").GetInt64());
    }

    [Fact]
    public async Task Databases_AreSortedAndPaged_WithCounts()
    {
        var byName = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/spark_catalog/databases?limit=3");
        Assert.Equal(["archive", "crm", "db00"], Names(byName));
        Assert.Equal(Databases, byName.GetProperty("total").GetInt64());

        var crm = (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/spark_catalog/databases?search=crm")).GetProperty("items")[0];
        Assert.Equal((3, 1, 4_000_000L), (crm.GetProperty("tableCount").GetInt32(), crm.GetProperty("viewCount").GetInt32(), crm.GetProperty("sizeInBytes").GetInt64()));

        var bySize = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/spark_catalog/databases?sort=-tableCount&limit=2");
        Assert.Equal(["db00", "db01"], Names(bySize));
    }

    [Fact]
    public async Task Tables_ListTablesAndViews_WithSizeAndFiles()
    {
        var page = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/spark_catalog/databases/crm/tables");

        Assert.Equal(["loyalty_program", "members", "members_view", "rewards_ledger"], Names(page));
        var view = page.GetProperty("items")[2];
        Assert.Equal("VIEW", view.Str("type"));
        Assert.Equal(1_000_000L, view.GetProperty("sizeInBytes").GetInt64());
        Assert.Equal(10L, view.GetProperty("files").GetInt64());
    }

    [Fact]
    public async Task Tables_HideWhatAPolicyDenies()
    {
        var admin = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/spark_catalog/databases/sales/tables");
        var ana = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/spark_catalog/databases/sales/tables");

        Assert.Contains("customer_orders_archive", Names(admin));
        Assert.Equal(Names(admin).Where(n => n != "customer_orders_archive"), Names(ana));
    }

    [Fact]
    public async Task UnknownCatalogOrDatabase_Returns404_AndWithoutPermission403()
    {
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, $"{Root}/nope/databases");
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, $"{Root}/spark_catalog/databases/nope/tables");
        await fixture.Nobody.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, Root);
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Get, $"{Root}?sort=colour");
    }

    private static List<string> Names(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.Str("name")).ToList();
}
