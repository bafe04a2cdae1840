using System.Net;

namespace Iomete.Console.E2E.Tests.Catalog;

/// <summary>The data catalog as a user meets it: a table created with SQL is found, opened, documented and classified.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CatalogPagesTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task ATableCreatedWithSql_IsFoundBySearch_AndItsTabsDocumentationAndColumnsWork()
    {
        if (!fixture.Started)
        {
            return;
        }
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var database = "e2e_catalog_" + suffix;
        var table = "customer_orders_" + suffix;
        await LakehouseSql.RunAsync(fixture.Admin, $"CREATE DATABASE IF NOT EXISTS {database}");
        await LakehouseSql.RunAsync(fixture.Admin, $"CREATE TABLE {database}.{table} (order_id BIGINT, customer VARCHAR, amount DOUBLE)");
        await LakehouseSql.RunAsync(fixture.Admin, $"INSERT INTO {database}.{table} VALUES (1, 'ann', 9.5), (2, 'bob', 12.25)");

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", LocalPlatform.AdminPassword, "/default/data-catalog");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Data catalog");
        await page.Locator("#catalog-query").FillAsync(table);
        await page.GetByTestId("catalog-search").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("q=" + table, StringComparison.Ordinal));
        var hit = page.GetByTestId("search-card-link").Filter(new() { HasText = table });
        await Assertions.Expect(hit).ToBeVisibleAsync();
        await page.ScreenshotAsync("catalog-search");
        await page.AssertAccessibleAsync();

        await hit.ClickAsync();
        await page.WaitForURLAsync($"**/default/data-catalog/tables/spark_catalog/{database}/{table}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(table);
        await Assertions.Expect(page.GetByTestId("select-snippet")).ToContainTextAsync($"spark_catalog.{database}.{table}");
        await page.ScreenshotAsync("catalog-table-details");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Columns" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("column-row")).ToHaveCountAsync(3);
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit the description of customer" }).ClickAsync();
        await page.Locator("#column-description-customer").FillAsync("Who placed the order");
        await page.GetByTestId("column-description-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("column-row").Filter(new() { HasText = "customer" }).GetByTestId("column-description"))
            .ToHaveTextAsync("Who placed the order");
        await page.ScreenshotAsync("catalog-table-columns");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Documentation" }).ClickAsync();
        await page.GetByTestId("documentation-edit").ClickAsync();
        await page.Locator("#documentation-editor").FillAsync("# Orders\n\nOne row per **order**; `amount` in euros.");
        await Assertions.Expect(page.GetByTestId("documentation-preview").Locator("strong")).ToHaveTextAsync("order");
        await page.ScreenshotAsync("catalog-table-documentation-edit");
        await page.GetByTestId("documentation-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("documentation").Locator("h2")).ToHaveTextAsync("Orders");
        var details = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get,
            $"/api/v1/domains/default/data-catalog/catalogs/spark_catalog/databases/{database}/tables/{table}");
        Assert.Equal("# Orders\n\nOne row per **order**; `amount` in euros.", details.Str("description"));
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("documentation").Locator("h2")).ToHaveTextAsync("Orders");
        await page.ScreenshotAsync("catalog-table-documentation");

        foreach (var (tab, shot, testId) in new[]
        {
            ("Partitions", "catalog-table-partitions", "empty-state"), ("Snapshots", "catalog-table-snapshots", "snapshots"),
            ("Metrics", "catalog-table-metrics", "metrics"), ("Sample data", "catalog-table-sample", "sample"),
            ("Maintenance", "catalog-table-maintenance", "compact-now"),
        })
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = tab }).ClickAsync();
            await Assertions.Expect(page.GetByTestId(testId).First).ToBeVisibleAsync();
            await page.ScreenshotAsync(shot);
        }
    }

    [Fact]
    public async Task TheExplorer_Favorites_AndAClassificationRequest_WorkEndToEnd()
    {
        if (!fixture.Started)
        {
            return;
        }
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var database = "e2e_explore_" + suffix;
        var table = "people_" + suffix;
        var tag = "PII_" + suffix.ToUpperInvariant();
        await LakehouseSql.RunAsync(fixture.Admin, $"CREATE DATABASE IF NOT EXISTS {database}");
        await LakehouseSql.RunAsync(fixture.Admin, $"CREATE TABLE {database}.{table} (id BIGINT, email VARCHAR)");
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/governance/classification-tags", new { name = tag, description = "personal data" });

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", LocalPlatform.AdminPassword, "/default/data-catalog/explorer");
        await page.GetByRole(AriaRole.Button, new() { Name = "spark_catalog" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = database, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("explorer-table").Filter(new() { HasText = table })).ToBeVisibleAsync();
        await page.ScreenshotAsync("catalog-explorer");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = table, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(table);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to favorites" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove from favorites" })).ToBeVisibleAsync();
        await page.GotoAsync("/default/data-catalog/favorites");
        await Assertions.Expect(page.GetByTestId("favorite-row").Filter(new() { HasText = $"spark_catalog.{database}.{table}" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("catalog-favorites");
        await page.AssertAccessibleAsync();

        await page.GotoAsync($"/default/data-catalog/classifications?catalog=spark_catalog&database={database}&table={table}");
        await Assertions.Expect(page.Locator("#request-table")).ToHaveValueAsync(table);
        await page.GetByTestId("request-tag").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = tag }).ClickAsync();
        await page.Locator("#request-column").FillAsync("email");
        await page.Locator("#request-justification").FillAsync("holds e-mail addresses");
        await page.GetByTestId("request-submit").ClickAsync();
        var mine = page.GetByTestId("requests").GetByTestId("request-row").Filter(new() { HasText = tag });
        await Assertions.Expect(mine.GetByTestId("request-state")).ToHaveTextAsync("IN_REVIEW");
        await page.ScreenshotAsync("catalog-classifications");
        await page.AssertAccessibleAsync();

        var review = page.GetByTestId("review").GetByTestId("request-row").Filter(new() { HasText = tag });
        await review.GetByLabel("Comment").FillAsync("confirmed");
        await review.GetByTestId("review-approve").ClickAsync();
        await Assertions.Expect(mine.GetByTestId("request-state")).ToHaveTextAsync("APPROVED");
        await page.ScreenshotAsync("catalog-classifications-approved");
    }
}
