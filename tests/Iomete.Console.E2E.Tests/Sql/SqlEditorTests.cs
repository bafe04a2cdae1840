namespace Iomete.Console.E2E.Tests.Sql;

/// <summary>The SQL editor in real Chromium: a new user writes SQL in Monaco, runs it, charts and downloads the result,
/// saves and reopens the worksheet, schedules it, and finds the queries in the history.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SqlEditorTests(ConsoleFixture fixture)
{
    private const string Password = "Analyst-Password-1!";

    /// <summary>Sets the editor's text the way a test or benchmark can: <c>window.iometeSql.setText</c> (see docs/console/sql-editor.md).</summary>
    private static async Task SetSqlAsync(IPage page, string sql)
    {
        await Assertions.Expect(page.GetByTestId("sql-editor")).ToHaveAttributeAsync("data-ready", "true");
        await page.EvaluateAsync("text => window.iometeSql.setText(text)", sql);
    }

    [Fact]
    public async Task ANewUser_CreatesATable_QueriesIt_ChartsIt_DownloadsIt_SavesReopensAndSchedulesTheWorksheet()
    {
        if (!fixture.Started)
        {
            return;
        }
        var (_, username) = await fixture.UserAsync("analyst", Password, "EXPORT_SQL_EDITOR", "CREATE_SPARK_JOB", "VIEW_DATA_CATALOG", "CREATE_RESOURCE_BUNDLE");
        // Data access is the data-security admin's business: a policy lets the analyst do anything in their own database.
        var db = "e2e_" + Guid.NewGuid().ToString("N")[..6];
        await fixture.Admin.ExpectAsync(System.Net.HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/data-security/access/policy", new
        {
            name = "sql-console-" + db,
            resources = new[] { new { databases = new[] { "spark_catalog." + db }, tables = new[] { "*" }, columns = new[] { "*" } } },
            allowPolicyItems = new[] { new { users = new[] { username }, accesses = new[] { "ALL" } } },
        });
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(username, Password, "/default/sql");
        await Assertions.Expect(page.GetByTestId("sql-editor")).ToHaveAttributeAsync("data-ready", "true");

        // A named worksheet in My Workspace, from the tree.
        var name = "e2e " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByRole(AriaRole.Button, new() { Name = "New in My Workspace" }).ClickAsync();
        await page.GetByText("New worksheet").ClickAsync();
        await page.GetByLabel("Worksheet name").FillAsync(name);
        await page.GetByTestId("sql-tree-save").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/default/sql/worksheets/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        var worksheetUrl = page.Url;

        var table = "sales_" + Guid.NewGuid().ToString("N")[..6];
        var catalog = await page.GetByTestId("sql-catalog").Locator("option").Nth(1).GetAttributeAsync("value");
        await page.GetByTestId("sql-catalog").SelectOptionAsync(catalog!);
        Assert.Equal("spark_catalog", catalog);
        await SetSqlAsync(page, $"""
            CREATE DATABASE IF NOT EXISTS {db};
            CREATE TABLE {db}.{table} (region VARCHAR, amount INT);
            INSERT INTO {db}.{table} VALUES ('eu', 10), ('us', 7), ('eu', 5);
            SELECT region, sum(amount) AS total FROM {db}.{table} GROUP BY region ORDER BY region;
            """);
        await page.GetByTestId("sql-run-all").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sql-row-count")).ToHaveTextAsync("2 rows", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("sql-status")).ToHaveAttributeAsync("data-status", "COMPLETED");
        await Assertions.Expect(page.GetByTestId("sql-results")).ToContainTextAsync("eu");
        await Assertions.Expect(page.GetByTestId("sql-results")).ToContainTextAsync("15");
        await page.ScreenshotAsync("sql-editor-results");
        await page.AssertAccessibleAsync();

        // Ctrl+Enter in Monaco runs only the statement under the cursor (the cursor is at the start: line 1).
        await page.Locator(".monaco-editor textarea").FocusAsync();
        await page.Keyboard.PressAsync("Control+Home");
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.GetByTestId("sql-row-count")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("sql-status")).ToHaveAttributeAsync("data-status", "COMPLETED");
        // Only the query now: running all again would create the table twice.
        await SetSqlAsync(page, $"SELECT region, sum(amount) AS total FROM {db}.{table} GROUP BY region ORDER BY region");
        await page.GetByTestId("sql-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sql-row-count")).ToHaveTextAsync("2 rows", new() { Timeout = 60_000 });

        // A bar chart of total by region.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Chart" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("sql-chart")).ToHaveAttributeAsync("data-kind", "Bar");
        await Assertions.Expect(page.GetByTestId("sql-chart-bar")).ToHaveCountAsync(2);
        await page.ScreenshotAsync("sql-chart");

        // CSV download: the file holds the result.
        await page.GetByTestId("sql-download").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("CSV", new() { Exact = true }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Equal("region,total\r\neu,15\r\nus,7\r\n", csv);

        // Saved automatically; the deep link reopens it with its text.
        await Assertions.Expect(page.GetByTestId("sql-save-state")).ToHaveAttributeAsync("data-state", "Saved", new() { Timeout = 15_000 });
        var again = await page.Context.NewPageAsync();
        await again.GotoAsync(worksheetUrl);
        await Assertions.Expect(again.Locator("h1")).ToHaveTextAsync(name);
        await Assertions.Expect(again.GetByTestId("sql-editor")).ToHaveAttributeAsync("data-ready", "true");
        // The last text typed in the first tab is what was saved (not the script that created the table).
        Assert.StartsWith($"SELECT region, sum(amount) AS total FROM {db}.{table}", await again.EvaluateAsync<string>("() => window.iometeSql.getText()"), StringComparison.Ordinal);
        await Assertions.Expect(again.GetByTestId("sql-catalog")).ToHaveValueAsync(catalog!);

        // Scheduled from the worksheet: a first-time user makes a bundle for it in the dialog, then the schedule,
        // opens it, fires it now, and sees the run complete with its query.
        await again.GetByTestId("sql-schedule").ClickAsync();
        await again.GetByTestId("sql-schedule-name").FillAsync("every morning " + table);
        await again.GetByTestId("sql-schedule-create-bundle").ClickAsync();
        await Assertions.Expect(again.GetByTestId("sql-schedule-bundle")).ToBeVisibleAsync();
        await again.ScreenshotAsync("sql-schedule-dialog");
        await again.GetByTestId("sql-schedule-create").ClickAsync();
        await Assertions.Expect(again.GetByTestId("sql-schedule-created")).ToContainTextAsync("every morning " + table);
        await again.GetByTestId("sql-schedule-link").ClickAsync();
        await Assertions.Expect(again.Locator("h1")).ToHaveTextAsync("every morning " + table);
        await Assertions.Expect(again.GetByTestId("schedule-sql")).ToContainTextAsync($"FROM {db}.{table}");
        await again.GetByTestId("schedule-fire").ClickAsync();
        await Assertions.Expect(again.GetByTestId("schedule-runs").GetByTestId("schedule-run-state").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex("COMPLETED|FAILED"), new() { Timeout = 60_000 });
        Assert.True(await again.GetByTestId("schedule-runs").GetByTestId("schedule-run-state").First.TextContentAsync() is { } runState && runState.Contains("COMPLETED", StringComparison.Ordinal),
            await again.GetByTestId("schedule-runs").TextContentAsync());
        await again.ScreenshotAsync("schedule-detail");
        await again.AssertAccessibleAsync();

        // The history lists the queries; one opens back in the editor.
        await again.GotoAsync("/default/sql/history");
        await Assertions.Expect(again.Locator("h1")).ToHaveTextAsync("Query history");
        await Assertions.Expect(again.GetByTestId("history-table")).ToContainTextAsync($"CREATE TABLE {db}." + table);
        await again.ScreenshotAsync("sql-history");
        await again.AssertAccessibleAsync();
        await again.Locator("[data-testid=history-search] input, input[data-testid=history-search]").FillAsync($"INSERT INTO {db}." + table);
        await Assertions.Expect(again.GetByTestId("history-open")).ToHaveCountAsync(1);
        await again.GetByTestId("history-open").ClickAsync();
        await Assertions.Expect(again.GetByTestId("sql-editor")).ToHaveAttributeAsync("data-ready", "true");
        await again.WaitForFunctionAsync("t => window.iometeSql?.ready() && window.iometeSql.getText().startsWith(t)", $"INSERT INTO {db}." + table);
    }

    [Fact]
    public async Task TenThousandRows_ShowInTheVirtualizedGrid()
    {
        if (!fixture.Started)
        {
            return;
        }
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", LocalPlatform.AdminPassword, "/default/sql");
        await page.GetByTestId("sql-limit").SelectOptionAsync("10000");
        await SetSqlAsync(page, "SELECT range AS id, range * 2 AS twice FROM range(10000)");
        await page.GetByTestId("sql-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sql-row-count")).ToHaveTextAsync("10,000 rows", new() { Timeout = 60_000 });
        Assert.True(await page.GetByTestId("sql-results").Locator("tbody tr").CountAsync() < 200);
        await page.GetByTestId("sql-results").EvaluateAsync("e => e.scrollTop = e.scrollHeight");
        await Assertions.Expect(page.GetByTestId("sql-results")).ToContainTextAsync("19998");
        await page.ScreenshotAsync("sql-editor-10k");
    }
}
