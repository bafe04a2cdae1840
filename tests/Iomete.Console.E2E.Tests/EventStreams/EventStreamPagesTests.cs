using System.Diagnostics;
using System.Net;
using Iomete.Console.E2E.Tests.Catalog;

namespace Iomete.Console.E2E.Tests.EventStreams;

/// <summary>A user creates a stream in the console, runs the curl snippet it shows, and watches the events arrive.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class EventStreamPagesTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task AStreamCreatedInTheConsole_TakesTheEventsOfItsCurlSnippet_AndShowsThemArrive()
    {
        if (!fixture.Started)
        {
            return;
        }
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var database = "e2e_streams_" + suffix;
        var streamName = "signups-" + suffix;
        await LakehouseSql.RunAsync(fixture.Admin, $"CREATE DATABASE IF NOT EXISTS {database}");
        await LakehouseSql.RunAsync(fixture.Admin, $"CREATE TABLE {database}.signups (event VARCHAR, user_id BIGINT)");
        var me = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v2/user");
        var bundleName = "e2e-streams-" + suffix;
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/bundles",
            new { name = bundleName, domain = "default", owner = new { id = me.Str("id"), type = "USER" } });

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", LocalPlatform.AdminPassword, "/default/event-streams");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Event streams");
        await page.ScreenshotAsync("event-streams-list");
        await page.AssertAccessibleAsync();

        await page.GetByTestId("stream-create").ClickAsync();
        await page.WaitForURLAsync("**/default/event-streams/new");
        await page.Locator("#stream-name").FillAsync("Not_Valid");
        await Assertions.Expect(page.GetByText("Use lower-case letters")).ToBeVisibleAsync();
        await page.Locator("#stream-name").FillAsync(streamName);
        await page.GetByTestId("stream-bundle").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = bundleName }).ClickAsync();
        await page.ScreenshotAsync("event-streams-new");
        await page.AssertAccessibleAsync();
        await page.GetByTestId("stream-save").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("?tab=connect", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(streamName);
        await Assertions.Expect(page.GetByTestId("stream-state")).ToHaveTextAsync("ACTIVE");

        await page.GetByTestId("connect-use-session").ClickAsync();
        await page.Locator("#connect-table").FillAsync($"spark_catalog.{database}.signups");
        var shown = page.GetByTestId("snippet-curl");
        await Assertions.Expect(shown).ToContainTextAsync($"table: spark_catalog.{database}.signups");
        await Assertions.Expect(shown).ToContainTextAsync($"/event-stream/{streamName}/ingest");
        await Assertions.Expect(shown).Not.ToContainTextAsync("<your-access-token>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy curl snippet" }).ClickAsync();
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal((await shown.InnerTextAsync()).Trim(), copied.Trim());
        await page.ScreenshotAsync("event-streams-connect");
        await page.AssertAccessibleAsync();

        var (exit, output) = await RunShellAsync(copied);
        Assert.True(exit == 0 && output.Contains("\"events\":2", StringComparison.Ordinal), $"curl exited {exit}: {output}");

        await Assertions.Expect(page.GetByTestId("events-total")).ToHaveTextAsync("2");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Live rates" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("accepted-events")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("commits")).Not.ToHaveTextAsync("0");
        await page.ScreenshotAsync("event-streams-rates");
        await page.AssertAccessibleAsync();
        var count = await LakehouseSql.ScalarAsync(fixture.Admin, $"SELECT count(*) FROM {database}.signups WHERE event IN ('signup', 'login')");
        Assert.Equal(2, count.GetInt64());

        await page.GetByRole(AriaRole.Tab, new() { Name = "Details" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("stream-details")).ToContainTextAsync(streamName);
        await page.ScreenshotAsync("event-streams-details");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Errors" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("errors-total")).ToHaveTextAsync("0");
        await page.ScreenshotAsync("event-streams-errors");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Dead letters" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("dead-letter-table")).ToContainTextAsync($"spark_catalog.{database}.signups_dead_letter");
        await page.ScreenshotAsync("event-streams-dead-letters");

        await page.GetByTestId("stream-stop").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Stop" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("stream-state")).ToHaveTextAsync("STOPPED");
        await Assertions.Expect(page.GetByTestId("stream-start")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("stream-stop")).ToHaveCountAsync(0);

        await page.GetByTestId("stream-delete").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await page.WaitForURLAsync("**/default/event-streams");
        await Assertions.Expect(page.GetByTestId("stream-link").Filter(new() { HasText = streamName })).ToHaveCountAsync(0);
    }

    private static async Task<(int Exit, string Output)> RunShellAsync(string script)
    {
        Assert.True(File.Exists("/usr/bin/curl"), "/usr/bin/curl is needed to run the snippet");
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment["PATH"] = "/usr/bin:/bin";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
