using System.Net;
using Iomete.Console.Pages.Catalog;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Console.Tests.Catalog;

public sealed class TableDetailTests : ConsoleTestContext
{
    private const string Base = "/api/v1/domains/default/data-catalog/catalogs/spark_catalog/databases/sales/tables/orders";

    public TableDetailTests()
    {
        Platform.On(HttpMethod.Get, Base, HttpStatusCode.OK,
            """{"id":"u","name":"orders","fullName":"spark_catalog.sales.orders","type":"TABLE","provider":"iceberg","statistics":{"rows":2,"columns":2},"owners":[],"description":"# Orders\n\nOne row per **order**.","properties":{},"selectSnippet":"SELECT * FROM spark_catalog.sales.orders LIMIT 100"}""");
        Platform.On(HttpMethod.Get, "/api/v1/domains/default/data-catalog/favorites?limit=1000", HttpStatusCode.OK, """{"items":[],"total":0,"offset":0,"limit":1000}""");
        Platform.On(HttpMethod.Get, Base + "/columns", HttpStatusCode.OK,
            """{"items":[{"id":1,"name":"id","type":"long","nullable":false,"description":null,"tags":[],"isPartitionKey":false},{"id":2,"name":"email","type":"string","nullable":true,"description":"contact","tags":["PII"],"isPartitionKey":false}]}""");
    }

    [Fact]
    public void ATabLoadsOnlyWhenShown_AndTheDeepLinkedTabIsOpen()
    {
        SignedIn("alice", "default", "VIEW_DATA_CATALOG");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/default/data-catalog/tables/spark_catalog/sales/orders?tab=columns");
        var page = Render<TableDetail>(p => p.Add(x => x.Domain, "default").Add(x => x.Catalog, "spark_catalog").Add(x => x.Database, "sales")
            .Add(x => x.Table, "orders"));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=column-row]").Count));
        Assert.Contains("contact", page.Find("[data-testid=columns]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Platform.Sent, s => s.PathAndQuery.EndsWith("/partitions", StringComparison.Ordinal) || s.PathAndQuery.EndsWith("/sample", StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=column-description-edit]"));
    }

    [Fact]
    public void Documentation_IsEditedWithAPreview_AndSavedThroughTheApi()
    {
        SignedIn("alice", "default", "VIEW_DATA_CATALOG", "MANAGE_DATA_CATALOG");
        Platform.On(HttpMethod.Put, Base + "/documentation", HttpStatusCode.NoContent, "");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/default/data-catalog/tables/spark_catalog/sales/orders?tab=documentation");
        var page = Render<TableDetail>(p => p.Add(x => x.Domain, "default").Add(x => x.Catalog, "spark_catalog").Add(x => x.Database, "sales")
            .Add(x => x.Table, "orders"));
        page.WaitForAssertion(() => Assert.Equal("Orders", page.Find("[data-testid=documentation] h2").TextContent));

        page.Find("[data-testid=documentation-edit]").Click();
        page.Find("#documentation-editor").Input("## Use\n\n<script>x</script> *careful*");
        Assert.Equal("<h3>Use</h3><p>&lt;script&gt;x&lt;/script&gt; <em>careful</em></p>", page.Find("[data-testid=documentation-preview]").InnerHtml);
        page.Find("[data-testid=documentation-save]").Click();

        page.WaitForAssertion(() => Assert.Contains(Platform.Sent, s => s.Method == HttpMethod.Put && s.PathAndQuery == Base + "/documentation"
            && s.Body!.Contains("\"description\":\"## Use", StringComparison.Ordinal)));
    }

    [Fact]
    public void Markdown_RendersTheUsualBlocks_AndEncodesEverythingElse()
    {
        var html = Markdown.ToHtml("# T\n- a\n- **b**\n\n```\n<b>\n```\n[x](https://e.com) [y](javascript:alert(1))");

        Assert.Equal("<h2>T</h2><ul><li>a</li><li><strong>b</strong></li></ul><pre><code>&lt;b&gt;\n</code></pre>"
            + "<p><a href=\"https://e.com\" rel=\"noopener noreferrer\" target=\"_blank\">x</a> [y](javascript:alert(1))</p>", html);
    }

    // MudBlazor's services dispose only asynchronously.
}
