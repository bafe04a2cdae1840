using System.Net;
using System.Text.Json;

namespace Iomete.Console.E2E.Tests.DataSecurity;

/// <summary>The admin's data-security and operations pages in real Chromium against a real local platform.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DataSecurityConsoleTests(ConsoleFixture fixture)
{
    private const string AnalystPassword = "Analyst-Password-1!";

    private async Task<JsonElement> SqlAsync(HttpClient client, string sql)
    {
        var query = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/v1/domains/default/sql/queries?wait=60",
            new { query = sql, computeCluster = "local", limit = 100 });
        Assert.True(query.Str("status") == "COMPLETED", $"{sql}: {query}");
        return await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/domains/default/sql/queries/{query.Str("id")}/results");
    }

    [Fact]
    public async Task AnAdmin_MasksAColumnForAnAnalyst_TheTesterShowsIt_TheAnalystSeesMaskedValues_AndTheAuditLogHasIt()
    {
        if (!fixture.Started)
        {
            return;
        }
        var database = "crm_" + Guid.NewGuid().ToString("N")[..6];
        await SqlAsync(fixture.Admin, $"CREATE DATABASE spark_catalog.{database}");
        await SqlAsync(fixture.Admin, $"CREATE TABLE spark_catalog.{database}.customers (id INTEGER, name VARCHAR, phone VARCHAR)");
        await SqlAsync(fixture.Admin, $"INSERT INTO spark_catalog.{database}.customers VALUES (1, 'Ana', '555-123-4567')");
        var (_, analyst) = await fixture.UserAsync("analyst", AnalystPassword, "VIEW_DATA_CATALOG");

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", LocalPlatform.AdminPassword, "/admin/data-security/mask");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Data security");
        await page.GetByTestId("policy-create").ClickAsync();
        var policy = "mask-phone-" + database;
        await page.GetByTestId("policy-name").FillAsync(policy);
        await page.GetByTestId("resource-databases").FillAsync($"spark_catalog.{database}");
        await page.GetByTestId("resource-tables").FillAsync("customers");
        await page.GetByTestId("resource-columns").FillAsync("phone");
        await page.GetByTestId("item-users").FillAsync(analyst);
        await page.GetByTestId("item-mask-type").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("Partial mask: show last 4").ClickAsync();
        await page.ScreenshotAsync("data-security-mask-form");
        await page.GetByTestId("policy-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("policy-row-name").Filter(new() { HasText = policy })).ToBeVisibleAsync();
        await page.ScreenshotAsync("data-security-mask-list");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Policy tester" }).ClickAsync();
        await page.GetByTestId("tester-user").FillAsync(analyst);
        await page.GetByTestId("tester-database").FillAsync(database);
        await page.GetByTestId("tester-table").FillAsync("customers");
        await page.GetByTestId("tester-columns").FillAsync("phone, name");
        await page.GetByTestId("tester-run").ClickAsync();
        await Assertions.Expect(page.Locator("[data-column=phone] [data-testid=tester-mask]")).ToContainTextAsync("MASK_SHOW_LAST_4");
        await Assertions.Expect(page.Locator("[data-column=name] [data-testid=tester-mask]")).ToHaveTextAsync("None");
        await page.ScreenshotAsync("data-security-tester");
        await page.AssertAccessibleAsync();

        using var analystClient = await fixture.Platform.LoginAsync(analyst, AnalystPassword);
        var rows = await SqlAsync(analystClient, $"SELECT name, phone FROM spark_catalog.{database}.customers");
        var row = rows.GetProperty("rows")[0];
        Assert.Equal("Ana", row[0].GetString());
        var phone = row[1].GetString();
        Assert.NotEqual("555-123-4567", phone);
        Assert.EndsWith("4567", phone, StringComparison.Ordinal);
        var own = await SqlAsync(fixture.Admin, $"SELECT phone FROM spark_catalog.{database}.customers");
        Assert.Equal("555-123-4567", own.GetProperty("rows")[0][0].GetString());

        await page.GetByRole(AriaRole.Tab, new() { Name = "Import / export" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("policy-export")).ToBeVisibleAsync();
        await page.ScreenshotAsync("data-security-transfer");

        await page.GotoAsync("/admin/audit");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Audit log", new() { Timeout = 30_000 });
        await page.GetByTestId("audit-path").FillAsync("/api/v1/admin/data-security/mask/policy");
        await page.GetByTestId("audit-apply").ClickAsync();
        await Assertions.Expect(page.GetByTestId("audit-table").Locator("tbody tr").Filter(new() { HasText = "POST" }).First).ToContainTextAsync("/api/v1/admin/data-security/mask/policy");
        await page.ScreenshotAsync("audit-log");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Data access" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("data-audit-table")).ToBeVisibleAsync();
        await page.ScreenshotAsync("audit-data-access");
    }

    [Fact]
    public async Task TheHealthPage_ShowsComponentsWith48Bars()
    {
        if (!fixture.Started)
        {
            return;
        }
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", LocalPlatform.AdminPassword, "/admin/health");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Health");
        var first = page.GetByTestId("health-component").First;
        await Assertions.Expect(first).ToBeVisibleAsync();
        await Assertions.Expect(first.GetByTestId("health-bar")).ToHaveCountAsync(48);
        await Assertions.Expect(first.GetByTestId("health-bar").Last).ToBeVisibleAsync();
        await page.GetByTestId("health-refresh").ClickAsync();
        await Assertions.Expect(page.GetByTestId("health-overall")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("health-notifications")).ToBeVisibleAsync();
        await page.ScreenshotAsync("health");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task TheStorageBrowser_ListsTheWarehouseFolders_AndPreviewsAMetadataFile()
    {
        if (!fixture.Started)
        {
            return;
        }
        var database = "store_" + Guid.NewGuid().ToString("N")[..6];
        await SqlAsync(fixture.Admin, $"CREATE DATABASE spark_catalog.{database}");
        await SqlAsync(fixture.Admin, $"CREATE TABLE spark_catalog.{database}.events (id INTEGER)");
        var all = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/storage/objects?delimiter=&limit=1000");
        var metadata = all.GetProperty("objects").EnumerateArray().Select(o => o.Str("key"))
            .First(k => k.Contains(database, StringComparison.Ordinal) && k.EndsWith(".metadata.json", StringComparison.Ordinal));
        var folder = metadata[..(metadata.LastIndexOf('/') + 1)];
        var top = metadata[..(metadata.IndexOf('/') + 1)];

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", LocalPlatform.AdminPassword, "/admin/storage");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Object storage");
        await Assertions.Expect(page.GetByTestId("storage-folder-link").Filter(new() { HasText = top })).ToBeVisibleAsync();
        await page.ScreenshotAsync("storage-root");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/admin/storage?prefix=" + Uri.EscapeDataString(folder));
        await Assertions.Expect(page.GetByTestId("storage-breadcrumb")).ToContainTextAsync("metadata", new() { Timeout = 30_000 });
        await page.GetByTestId("storage-object-link").Filter(new() { HasText = metadata[(metadata.LastIndexOf('/') + 1)..] }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("storage-preview-content")).ToContainTextAsync("\"format-version\"");
        await page.ScreenshotAsync("storage-preview");
    }
}
