using System.Net;
using static Iomete.Functions.Catalog.Tests.Search.SeededSearchFixture;

namespace Iomete.Functions.Catalog.Tests.Search;

/// <summary>Search over the seeded catalog of a few thousand tables: hits and their order, filters, cards, paging, access.</summary>
public sealed class SearchApiTests(SeededSearchFixture fixture) : IClassFixture<SeededSearchFixture>
{
    private static readonly string[] CustomerOrders =
        ["customer_orders", "customer_orders_2023", "customer_orders_archive", "orders_by_customer", "shipment_facts", "payments"];

    [Fact]
    public async Task ExactName_RanksTheTableFirst_ThenPrefixes_NameWords_ColumnName_Text()
    {
        var (names, total, page) = await SearchAsync(fixture.Admin, "query=customer_orders");

        Assert.Equal(CustomerOrders, names);
        Assert.Equal(6, total);
        Assert.Equal(["EXACT_NAME", "NAME_PREFIX", "NAME_PREFIX", "NAME", "COLUMN_NAME", "TEXT"],
            page.GetProperty("items").EnumerateArray().Select(i => i.Str("rank")));
    }

    [Fact]
    public async Task Prefix_FindsNamesThatStartWithIt_BeforeColumnAndTextMatches()
    {
        var (names, _, _) = await SearchAsync(fixture.Admin, "query=cust");

        Assert.Equal(CustomerOrders, names);
    }

    [Fact]
    public async Task ColumnName_RanksTheExactColumnAboveColumnWords()
    {
        var (names, total, _) = await SearchAsync(fixture.Admin, "query=loyalty_points");

        Assert.Equal(["members", "loyalty_program", "rewards_ledger"], names);
        Assert.Equal(3, total);
    }

    [Fact]
    public async Task Typos_AreTolerated()
    {
        var (names, _, _) = await SearchAsync(fixture.Admin, "query=custmer_ordrs");
        Assert.Equal(["customer_orders", "orders_by_customer", "customer_orders_2023", "customer_orders_archive", "shipment_facts", "payments"], names);

        var (transposed, _, _) = await SearchAsync(fixture.Admin, "query=shipmnet");
        Assert.Equal(["shipment_facts"], transposed);
    }

    [Fact]
    public async Task Card_ShowsColumnsRowsProviderAndAtMostThreeTagsAndTwoOwners()
    {
        var (_, _, page) = await SearchAsync(fixture.Admin, "query=customer_orders&limit=1");
        var card = page.GetProperty("items")[0];

        Assert.Equal(("customer_orders", "spark_catalog", "sales", "TABLE", "iceberg"),
            (card.Str("name"), card.Str("catalog"), card.Str("database"), card.Str("type"), card.Str("provider")));
        Assert.Equal(3, card.GetProperty("columnCount").GetInt32());
        Assert.Equal(1000, card.GetProperty("rowCount").GetInt64());
        Assert.Equal(["PII", "GOLD", "CUSTOMER_KEY"], card.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["ann", "bob"], card.GetProperty("owners").EnumerateArray().Select(t => t.GetString()));
        Assert.False(card.GetProperty("deleted").GetBoolean());
    }

    [Fact]
    public async Task Filters_NarrowByCatalogDatabaseTagOwnerAndType()
    {
        Assert.Equal(["customer_orders", "customer_orders_archive", "orders_by_customer"],
            (await SearchAsync(fixture.Admin, "query=customer_orders&database=sales")).Names);
        Assert.Equal(["customer_orders", "customer_orders_2023", "customer_orders_archive", "orders_by_customer"],
            (await SearchAsync(fixture.Admin, "query=customer_orders&database=sales&database=spark_catalog.archive")).Names);
        Assert.Equal(["customer_orders"], (await SearchAsync(fixture.Admin, "query=customer&tag=customer_key")).Names);
        Assert.Equal(["customer_orders"], (await SearchAsync(fixture.Admin, "tag=PII,NOPE")).Names);
        Assert.Equal(["customer_orders"], (await SearchAsync(fixture.Admin, "owner=bob")).Names);
        Assert.Equal(["members_view"], (await SearchAsync(fixture.Admin, "query=members&type=VIEW")).Names);
        Assert.Empty((await SearchAsync(fixture.Admin, "query=customer_orders&catalog=other")).Names);
    }

    [Fact]
    public async Task EmptyQuery_ListsEverything_Paged()
    {
        var (names, total, page) = await SearchAsync(fixture.Admin, "offset=25&limit=25");

        Assert.Equal(SeededCatalog.FillerTables + SeededCatalog.Targets.Count, total);
        Assert.Equal(25, names.Count);
        Assert.Equal(25, page.GetProperty("offset").GetInt32());
        Assert.Equal(25, page.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task Analyst_DoesNotSeeATableADenyPolicyHidesFromHer()
    {
        var (names, total, _) = await SearchAsync(fixture.Ana, "query=customer_orders");

        Assert.Equal(CustomerOrders.Where(n => n != "customer_orders_archive"), names);
        Assert.Equal(5, total);
        var (all, allTotal, _) = await SearchAsync(fixture.Ana, "limit=100");
        Assert.DoesNotContain("customer_orders_archive", all);
        Assert.Equal(SeededCatalog.FillerTables + SeededCatalog.Targets.Count - 1, allTotal);
    }

    [Fact]
    public async Task WithoutViewDataCatalog_Returns403()
    {
        await fixture.Nobody.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, $"{SearchUrl}?query=customer");
        await fixture.Platform.Anonymous().ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, $"{SearchUrl}?query=customer");
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("type=TABLES", "type")]
    [InlineData("deleted=maybe", "deleted")]
    public async Task InvalidParameters_Return400(string query, string field)
    {
        var problem = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Get, $"{SearchUrl}?{query}");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }
}
