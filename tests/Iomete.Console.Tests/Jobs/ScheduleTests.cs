using System.Net;
using System.Text.Json;
using Iomete.Console.Pages.Jobs;
using Iomete.Console.Pages.Sql;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Iomete.Console.Tests.Jobs;

public sealed class ScheduleTests : ConsoleTestContext
{
    private const string Root = "/api/v1/domains/default/schedules";

    private const string SqlSchedule =
        """{"id":"sc1","name":"morning sales","cron":"0 9 * * *","timezone":"UTC","targetType":"SQL_QUERIES","queries":["INSERT INTO t VALUES (1)","SELECT 1"],"worksheetId":"w1","compute":"local","catalog":"spark_catalog","database":"sales","runAs":"alice","resourceBundleId":"b1","status":"ACTIVE","catchUp":"SKIP","concurrency":"ALLOW","nextFireAt":"2026-11-30T09:00:00+00:00","recentRuns":[],"createdBy":"alice","createdAt":"2026-11-29T10:00:00+00:00","version":1}""";

    [Fact]
    public async Task TheWorksheetDialog_ForAUserWithoutABundle_CreatesOne_ThenTheSchedule()
    {
        SignedIn("alice", "default", "CREATE_SPARK_JOB", "CREATE_RESOURCE_BUNDLE");
        // The domain's own bundle (where alice's domain permissions live) and an archived one cannot hold a schedule.
        Platform.On(HttpMethod.Get, "/api/v1/bundles?domain=default&limit=100", HttpStatusCode.OK,
            """{"items":[{"id":"d1","name":"default","bundleType":"DOMAIN","archived":false},{"id":"a1","name":"old","bundleType":"RESOURCE","archived":true}],"total":2}""");
        Platform.On(HttpMethod.Post, "/api/v1/bundles", HttpStatusCode.Created, """{"id":"b9","name":"alice-schedules","domain":"default"}""");
        Platform.On(HttpMethod.Post, Root, HttpStatusCode.Created, SqlSchedule);
        var dialogs = Render<MudDialogProvider>();
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<ScheduleDialog>("Schedule", new DialogParameters<ScheduleDialog>
        {
            { x => x.WorksheetId, "w1" },
            { x => x.WorksheetName, "morning sales" },
            { x => x.Catalog, "spark_catalog" },
            { x => x.Database, "sales" },
        }));

        dialogs.WaitForAssertion(() => Assert.Contains("you have none in this domain", dialogs.Find("[data-testid=sql-schedule-no-bundle]").TextContent, StringComparison.Ordinal));
        Assert.True(dialogs.Find("[data-testid=sql-schedule-create]").HasAttribute("disabled"));

        dialogs.Find("[data-testid=sql-schedule-create-bundle]").Click();
        dialogs.WaitForAssertion(() => Assert.Equal("b9", dialogs.Find("[data-testid=sql-schedule-bundle]").GetAttribute("value")));
        var bundle = JsonDocument.Parse(Platform.Sent.Single(s => s.Method == HttpMethod.Post && s.PathAndQuery == "/api/v1/bundles").Body!).RootElement;
        Assert.Equal(("alice-schedules", "default"), (bundle.GetProperty("name").GetString(), bundle.GetProperty("domain").GetString()));

        dialogs.Find("[data-testid=sql-schedule-create]").Click();
        dialogs.WaitForAssertion(() => Assert.Equal("/default/jobs/schedules/sc1", dialogs.Find("[data-testid=sql-schedule-link]").GetAttribute("href")));
        var sent = JsonDocument.Parse(Platform.Sent.Single(s => s.Method == HttpMethod.Post && s.PathAndQuery == Root).Body!).RootElement;
        Assert.Equal(("b9", "w1", "morning sales", "sales"), (sent.GetProperty("resourceBundleId").GetString(), sent.GetProperty("worksheetId").GetString(),
            sent.GetProperty("name").GetString(), sent.GetProperty("database").GetString()));
    }

    [Fact]
    public async Task AUserWhoMayNotCreateBundles_SeesWhyInTheDialog()
    {
        SignedIn("bob", "default", "CREATE_SPARK_JOB");
        Platform.On(HttpMethod.Get, "/api/v1/bundles?domain=default&limit=100", HttpStatusCode.OK, """{"items":[],"total":0}""");
        Platform.On(HttpMethod.Post, "/api/v1/bundles", HttpStatusCode.Forbidden,
            """{"title":"Forbidden","status":403,"detail":"You need CREATE_RESOURCE_BUNDLE in domain default."}""");
        var dialogs = Render<MudDialogProvider>();
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<ScheduleDialog>("Schedule", new DialogParameters<ScheduleDialog>
        {
            { x => x.WorksheetId, "w1" },
            { x => x.WorksheetName, "w" },
        }));

        dialogs.WaitForElement("[data-testid=sql-schedule-create-bundle]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("CREATE_RESOURCE_BUNDLE", dialogs.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(Platform.Sent, s => s.Method == HttpMethod.Post && s.PathAndQuery == Root);
    }

    [Fact]
    public void TheDetailPage_ShowsWhatRunsAndWhen_AndARunsQueriesOnDemand()
    {
        SignedIn("alice", "default", "CREATE_SPARK_JOB");
        Platform.On(HttpMethod.Get, Root + "/sc1", HttpStatusCode.OK, SqlSchedule);
        Platform.On(HttpMethod.Get, Root + "/sc1/runs?limit=50", HttpStatusCode.OK,
            """{"items":[{"id":"r1","state":"FAILED","stateMessage":"query-2 failed: The query was interrupted by a restart of the SQL service.","trigger":"SCHEDULE","scheduledFor":"2026-11-29T09:00:00+00:00","durationMs":1500}],"total":1}""");
        Platform.On(HttpMethod.Get, "/api/v1/domains/default/workflow-runs/r1", HttpStatusCode.OK,
            """{"run":{"id":"r1","state":"FAILED"},"tasks":[{"taskKey":"query-1","name":"INSERT INTO t VALUES (1)","state":"COMPLETED","durationMs":200},{"taskKey":"query-2","name":"SELECT 1","state":"FAILED","stateMessage":"interrupted"}]}""");
        var page = Render<ScheduleDetail>(p => p.Add(x => x.Domain, "default").Add(x => x.Id, "sc1"));

        page.WaitForAssertion(() => Assert.Contains("INSERT INTO t VALUES (1);\nSELECT 1", page.Find("[data-testid=schedule-sql]").TextContent, StringComparison.Ordinal));
        Assert.Contains("2 SQL queries on local in spark_catalog.sales", page.Find("[data-testid=schedule-details]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Pause", page.Find("[data-testid=schedule-toggle]").TextContent.Trim());
        Assert.Contains("interrupted by a restart", page.Find("[data-testid=schedule-runs]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=schedule-run-tasks]"));

        page.Find("[data-testid=schedule-run-state]").Click();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=schedule-run-tasks] li").Count));
        Assert.Contains("SELECT 1", page.Find("[data-testid=schedule-run-tasks]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void PausingFromTheDetailPage_PostsPause_AndShowsTheNewStatus()
    {
        SignedIn("alice", "default", "CREATE_SPARK_JOB");
        var paused = false;
        Platform.On(HttpMethod.Get, p => p == Root + "/sc1", _ => ScriptedPlatform.Json(HttpStatusCode.OK, paused ? SqlSchedule.Replace("\"ACTIVE\"", "\"PAUSED\"", StringComparison.Ordinal) : SqlSchedule));
        Platform.On(HttpMethod.Get, Root + "/sc1/runs?limit=50", HttpStatusCode.OK, """{"items":[],"total":0}""");
        Platform.On(HttpMethod.Post, p => p == Root + "/sc1/pause", _ =>
        {
            paused = true;
            return ScriptedPlatform.Json(HttpStatusCode.OK, SqlSchedule);
        });
        var page = Render<ScheduleDetail>(p => p.Add(x => x.Domain, "default").Add(x => x.Id, "sc1"));
        page.WaitForAssertion(() => Assert.Equal("ACTIVE", page.Find("[data-testid=schedule-status]").TextContent.Trim()));
        Assert.Contains("No runs yet", page.Markup, StringComparison.Ordinal);

        page.Find("[data-testid=schedule-toggle]").Click();
        page.WaitForAssertion(() => Assert.Equal("PAUSED", page.Find("[data-testid=schedule-status]").TextContent.Trim()));
        Assert.Equal("Resume", page.Find("[data-testid=schedule-toggle]").TextContent.Trim());
    }
    [Fact]
    public void ARunningRun_IsFollowedUntilItEnds_WithoutAPush()
    {
        SignedIn("alice", "default", "CREATE_SPARK_JOB");
        var listed = 0;
        Platform.On(HttpMethod.Get, Root + "/sc1", HttpStatusCode.OK, SqlSchedule);
        Platform.On(HttpMethod.Get, p => p == Root + "/sc1/runs?limit=50", _ => ScriptedPlatform.Json(HttpStatusCode.OK,
            $$"""{"items":[{"id":"r1","state":"{{(Interlocked.Increment(ref listed) < 3 ? "RUNNING" : "COMPLETED")}}","trigger":"MANUAL"}],"total":1}"""));
        var page = Render<ScheduleDetail>(p => p.Add(x => x.Domain, "default").Add(x => x.Id, "sc1"));

        page.WaitForAssertion(() => Assert.Equal("RUNNING", page.Find("[data-testid=schedule-run-state]").TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Equal("COMPLETED", page.Find("[data-testid=schedule-run-state]").TextContent.Trim()), TimeSpan.FromSeconds(20));
        var polls = listed;
        Thread.Sleep(TimeSpan.FromSeconds(3));
        Assert.Equal(polls, listed);
    }
}
