using System.Net;
using Iomete.Console.Pages.Catalog;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Console.Tests.Catalog;

public sealed class CatalogSearchTests : ConsoleTestContext
{
    private const string Card =
        """{"id":"t1","name":"customer_orders","catalog":"spark_catalog","database":"sales","type":"TABLE","description":"# Orders\nEvery order.","columnCount":3,"rowCount":1000,"sizeInBytes":2048,"tags":["PII"],"owners":["ann"],"deleted":false,"lastModified":"2026-11-01T00:00:00+00:00","rank":"EXACT_NAME"}""";

    public CatalogSearchTests()
    {
        SignedIn("alice", "default", "VIEW_DATA_CATALOG");
        Platform.On(HttpMethod.Get, "/api/v1/domains/default/data-catalog/catalogs?limit=1000", HttpStatusCode.OK, """{"items":[{"name":"spark_catalog"}],"total":1,"offset":0,"limit":1000}""");
        Platform.OnPrefix(HttpMethod.Get, "/api/v1/domains/default/data-catalog/search", HttpStatusCode.OK, $$"""{"items":[{{Card}}],"total":45,"offset":20,"limit":20}""");
    }

    [Fact]
    public void Filters_MakeTheApiQuery_AndThePagesOwnUrl()
    {
        var filters = new CatalogSearchFilters("customer orders", "spark_catalog", "sales", "PII,GOLD", "ann", "TABLE", true, 3);

        Assert.Equal("data-catalog/search?query=customer%20orders&catalog=spark_catalog&database=sales&tag=PII%2CGOLD&owner=ann&type=TABLE&deleted=true&offset=40&limit=20", filters.ToApiPath());
        Assert.Equal("?q=customer%20orders&catalog=spark_catalog&database=sales&tag=PII%2CGOLD&owner=ann&type=TABLE&deleted=true&page=3", filters.ToPageQuery());
        Assert.Equal("data-catalog/search?offset=0&limit=20", new CatalogSearchFilters().ToApiPath());
        Assert.Equal("", new CatalogSearchFilters(Query: "  ").ToPageQuery());
    }

    [Fact]
    public void TheUrlsFilters_AreTheSearchSent_AndTheCardsShowWhatWasFound()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/default/data-catalog?q=orders&tag=PII&deleted=true&page=2");
        var page = Render<CatalogSearch>(p => p.Add(x => x.Domain, "default"));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=search-card]")));
        Assert.Contains(Platform.Sent, s => s.PathAndQuery == "/api/v1/domains/default/data-catalog/search?query=orders&tag=PII&deleted=true&offset=20&limit=20");
        Assert.Equal("/default/data-catalog/tables/spark_catalog/sales/customer_orders", page.Find("[data-testid=search-card-link]").GetAttribute("href"));
        Assert.Contains("45 result(s)", page.Find("[data-testid=result-count]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Orders", page.Find("[data-testid=search-card]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void SearchingWithNewFilters_NavigatesToTheirUrl()
    {
        var page = Render<CatalogSearch>(p => p.Add(x => x.Domain, "default"));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=search-card]")));

        page.Find("#catalog-query").Input("customer");
        page.Find("#filter-owner").Change("ann");
        page.Find("form").Submit();

        Assert.EndsWith("/default/data-catalog?q=customer&owner=ann", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    // MudBlazor's services dispose only asynchronously.
}
