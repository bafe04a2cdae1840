using System.Net;

namespace Iomete.Console.E2E.Tests.Jobs;

/// <summary>
/// Jobs and workflows as a data engineer meets them: a SQL job (it runs on the embedded engine, no Spark needed) created in
/// the form and run, its run finishing on screen without a reload, its logs; a schedule with a validated cron; a pipeline
/// of three jobs drawn as a DAG whose nodes turn COMPLETED live.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class JobsConsoleTests(ConsoleFixture fixture)
{
    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    private async Task<string> BundleAsync()
    {
        var me = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v2/user");
        return (await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/bundles",
            new { name = Unique("jobs"), domain = "default", owner = new { id = me.Str("id"), type = "USER" } })).Str("id");
    }

    private async Task<string> SqlJobAsync(string bundleId, string name, string sql) =>
        (await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v2/domains/default/spark/jobs", new
        {
            name, bundleId, template = new { applicationType = "sql", sqlScript = sql, catalog = "spark_catalog" },
        })).Str("id");

    [Fact]
    public async Task ASqlJob_CreatedInTheForm_RunsToCompletionOnScreen_AndItsRunShowsLogs()
    {
        if (!fixture.Started)
        {
            return;
        }
        await BundleAsync();
        var name = Unique("daily-report");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", LocalPlatform.AdminPassword, "/default/jobs");
        await page.ScreenshotAsync("jobs-list-before");
        await page.GetByTestId("jobs-new").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("New job");
        await page.GetByTestId("job-name").FillAsync(name);
        await page.GetByTestId("job-sql").FillAsync("SELECT 1 AS one; SELECT 2 AS two");
        await page.GetByText("On a cron schedule").ClickAsync();
        await page.GetByTestId("job-schedule").FillAsync("0 2 * *");
        await Assertions.Expect(page.Locator(".mud-input-error").First).ToContainTextAsync("has 4 fields");
        await page.ScreenshotAsync("jobs-new-invalid-cron");
        await page.GetByText("Run manually (or from pipelines and schedules)").ClickAsync();
        await page.ScreenshotAsync("jobs-new");
        await page.AssertAccessibleAsync();
        await page.GetByTestId("job-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("job-title")).ToHaveTextAsync(name);
        var jobUrl = page.Url;
        await page.GetByTestId("job-run-now").ClickAsync();
        // No reload: the pushed spark.run events (and the page's polling) bring the run to its final state.
        await Assertions.Expect(page.GetByTestId("job-run-state").First).ToHaveTextAsync("COMPLETED", new() { Timeout = 60_000 });
        Assert.Equal(jobUrl, page.Url);
        await Assertions.Expect(page.GetByTestId("timeline-bar").First).ToHaveAttributeAsync("data-state", "COMPLETED");
        await page.ScreenshotAsync("jobs-detail");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Details" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("job-template")).ToContainTextAsync("SELECT 1 AS one");
        await page.ScreenshotAsync("jobs-detail-details");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Schedules" }).ClickAsync();
        await page.GetByTestId("schedule-add").ClickAsync();
        await page.GetByTestId("schedule-name").FillAsync("nightly");
        await page.GetByTestId("schedule-cron").FillAsync("0 25 * * *");
        await Assertions.Expect(page.GetByTestId("schedule-form")).ToContainTextAsync("hour out of range");
        await page.GetByTestId("schedule-cron").FillAsync("30 2 * * *");
        await Assertions.Expect(page.GetByTestId("schedule-cron-next")).ToContainTextAsync("02:30:00");
        await page.ScreenshotAsync("jobs-schedule-form");
        await page.GetByTestId("schedule-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("schedule-nightly")).ToContainTextAsync("30 2 * * *");
        await Assertions.Expect(page.GetByTestId("schedule-nightly").GetByTestId("schedule-next")).ToContainTextAsync("Next fire: 20");
        await page.ScreenshotAsync("jobs-schedules");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Runs" }).ClickAsync();
        await page.GetByTestId("job-run-link").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-state")).ToHaveTextAsync("COMPLETED");
        await Assertions.Expect(page.GetByTestId("run-logs")).ToContainTextAsync("statement 2/2: COMPLETED");
        await page.ScreenshotAsync("jobs-run");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Metrics" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-metrics")).ToContainTextAsync("Ran for");
        await page.ScreenshotAsync("jobs-run-metrics");

        await page.GotoAsync("/default/jobs");
        await page.GetByTestId("jobs-search").FillAsync(name);
        await Assertions.Expect(page.GetByTestId("job-row-" + name)).ToBeVisibleAsync();
        await page.ScreenshotAsync("jobs-list");
        await page.AssertAccessibleAsync();

        await page.GetByTestId("jobs-queues-link").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Job queues");
        await page.ScreenshotAsync("jobs-queues");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task APipelineOfThreeJobs_IsDrawnAsADag_WhoseNodesTurnCompletedLive()
    {
        if (!fixture.Started)
        {
            return;
        }
        var bundle = await BundleAsync();
        var extract = Unique("extract");
        var clean = Unique("clean");
        var load = Unique("load");
        await SqlJobAsync(bundle, extract, "SELECT 1");
        await SqlJobAsync(bundle, clean, "SELECT 2");
        await SqlJobAsync(bundle, load, "SELECT 3");
        var name = Unique("nightly-etl");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", LocalPlatform.AdminPassword, "/default/workflows");
        await page.ScreenshotAsync("workflows-list-before");
        await page.GetByTestId("workflows-new").ClickAsync();
        await page.GetByTestId("workflow-name").FillAsync(name);
        await page.GetByTestId("workflow-nodes").FillAsync($"extract: {extract}\nclean: {clean} <- extract\nload: {load} <- extract, clean");
        await Assertions.Expect(page.GetByTestId("dag-node")).ToHaveCountAsync(3);
        await page.ScreenshotAsync("workflows-new");
        await page.GetByTestId("workflow-create").ClickAsync();

        await Assertions.Expect(page.GetByTestId("workflow-title")).ToHaveTextAsync(name);
        await Assertions.Expect(page.GetByTestId("dag-node")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("dag-edge")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-testid=dag-node][data-key=load]")).ToHaveAttributeAsync("data-layer", "2");
        await page.GetByTestId("workflow-run").ClickAsync();
        foreach (var key in new[] { "extract", "clean", "load" })
        {
            await Assertions.Expect(page.Locator($"[data-testid=dag-node][data-key={key}]")).ToHaveAttributeAsync("data-state", "COMPLETED", new() { Timeout = 90_000 });
        }
        await Assertions.Expect(page.GetByTestId("workflow-run-state")).ToHaveTextAsync("COMPLETED");
        await page.ScreenshotAsync("workflows-detail");
        await page.AssertAccessibleAsync();

        // A node opens what it ran: its job run, or its job when the run names no job run.
        await page.Locator("[data-testid=dag-node][data-key=load]").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/default/jobs/", StringComparison.Ordinal));

        await page.GotoAsync("/default/workflows");
        await Assertions.Expect(page.GetByTestId("workflow-row-" + name)).ToBeVisibleAsync();
        await page.ScreenshotAsync("workflows-list");
        await page.AssertAccessibleAsync();
    }
}
