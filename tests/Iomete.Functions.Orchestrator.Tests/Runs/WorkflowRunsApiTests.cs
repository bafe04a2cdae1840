using System.Net;
using System.Text.Json;
using Iomete.Workflows.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Orchestrator.Tests.Runs;

/// <summary>The generic run routes over runs recorded directly in the store: list filters, detail, logs, timeline, cancel, access.</summary>
public sealed class WorkflowRunsApiTests : IAsyncLifetime
{
    private const string Domain = "default";
    private const string Root = $"/api/v1/domains/{Domain}/workflow-runs";
    private LocalPlatform platform = null!;
    private HttpClient admin = null!;
    private string adminId = null!;

    public async Task InitializeAsync()
    {
        platform = await LocalPlatform.StartAsync();
        admin = await platform.LoginAsync();
        adminId = (await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v2/user")).Str("id");
    }

    public async Task DisposeAsync() => await platform.DisposeAsync();

    private WorkflowRunStore Store => platform.Services.GetRequiredService<WorkflowRunStore>();

    private async Task<WorkflowRun> RecordAsync(string name, WorkflowRunState state = WorkflowRunState.Pending, string? scheduleId = null, string? createdBy = null)
    {
        var run = new WorkflowRun
        {
            Id = "run-" + Guid.NewGuid().ToString("N")[..12],
            DomainId = Domain,
            Kind = RunKind.Job,
            Name = name,
            JobId = "job-" + name,
            ScheduleId = scheduleId,
            CreatedBy = createdBy ?? adminId,
            Parameters = """{"arguments":["a"]}""",
            ScheduledFor = DateTimeOffset.UtcNow.AddSeconds(-30),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var (stored, created) = await Store.InsertAsync(run, default);
        Assert.True(created);
        if (state != WorkflowRunState.Pending)
        {
            stored = await Store.MoveAsync(run.Id, state, $"moved to {state.Name()}", default) ?? throw new InvalidOperationException("move refused");
        }
        return stored;
    }

    [Fact]
    public async Task List_FiltersByStateAndSchedule_NewestFirst()
    {
        var schedule = "sch-" + Guid.NewGuid().ToString("N")[..8];
        var first = await RecordAsync("first", WorkflowRunState.Running, schedule);
        var second = await RecordAsync("second", WorkflowRunState.Running, schedule);
        await RecordAsync("other", WorkflowRunState.Running);

        var page = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}?scheduleId={schedule}&state=running");
        Assert.Equal(2, page.GetProperty("total").GetInt64());
        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.Str("id")).ToArray();
        Assert.Equal([second.Id, first.Id], ids);
        var item = page.GetProperty("items")[0];
        Assert.Equal("RUNNING", item.Str("state"));
        Assert.Equal(["CANCEL"], item.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!).ToArray());
        Assert.Equal("a", item.GetProperty("parameters").GetProperty("arguments")[0].GetString());
        Assert.True(item.GetProperty("lateBySeconds").GetDouble() >= 29, item.ToString());
    }

    [Fact]
    public async Task List_WithUnknownState_Is400NamingTheParameter()
    {
        var problem = await admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Get, $"{Root}?state=SLEEPING");
        Assert.Contains("state", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Get_ReturnsRunWithTasks_AndLogsTellItsStory()
    {
        var run = await RecordAsync("story", WorkflowRunState.Running);
        var journal = platform.Services.GetRequiredService<RunJournal>();
        await journal.SaveTaskAsync(new RunTask { RunId = run.Id, TaskKey = "q1", Name = "SELECT 1", State = WorkflowRunState.Completed, StartedAt = DateTimeOffset.UtcNow, EndedAt = DateTimeOffset.UtcNow }, default);
        await journal.LogAsync(run.Id, RunEventLevel.Warning, "the namespace is busy", default);

        var detail = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{run.Id}");
        Assert.Equal(run.Id, detail.GetProperty("run").Str("id"));
        Assert.Equal("COMPLETED", detail.GetProperty("tasks")[0].Str("state"));

        var logs = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{run.Id}/logs");
        var messages = logs.GetProperty("items").EnumerateArray().Select(i => i.Str("message")).ToArray();
        Assert.Contains("moved to RUNNING", messages);
        Assert.Contains("the namespace is busy", messages);
        var after = logs.GetProperty("nextAfter").GetInt64();
        var none = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{run.Id}/logs?after={after}");
        Assert.Empty(none.GetProperty("items").EnumerateArray());
        var warnings = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{run.Id}/logs?level=WARNING");
        Assert.Equal(["the namespace is busy"], warnings.GetProperty("items").EnumerateArray().Select(i => i.Str("message")).ToArray());

        using var text = await admin.GetAsync($"{Root}/{run.Id}/logs?format=text");
        Assert.Equal("text/plain", text.Content.Headers.ContentType?.MediaType);
        Assert.Contains("WARNING the namespace is busy", await text.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_HasOneSpanPerState_AndTheTaskBars()
    {
        var run = await RecordAsync("timeline", WorkflowRunState.Running);
        await Store.MoveAsync(run.Id, WorkflowRunState.Completed, "done", default);
        var timeline = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{run.Id}/timeline");
        var states = timeline.GetProperty("states").EnumerateArray().Select(s => s.Str("state")).ToArray();
        Assert.Equal(["PENDING", "RUNNING", "COMPLETED"], states);
        Assert.True(timeline.GetProperty("states")[0].GetProperty("to").ValueKind == JsonValueKind.String);
        Assert.Empty(timeline.GetProperty("run").GetProperty("allowedActions").EnumerateArray());
    }

    [Fact]
    public async Task Cancel_WithoutAnOrchestration_EndsCancelled_AndAgainIs409()
    {
        var run = await RecordAsync("cancel-me");
        var cancelled = await admin.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, $"{Root}/{run.Id}/cancel", new { reason = "not needed" });
        Assert.Equal("CANCELLED", cancelled.Str("state"));
        Assert.Contains("not needed", cancelled.Str("stateMessage"), StringComparison.Ordinal);
        await admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, $"{Root}/{run.Id}/cancel");
    }

    [Fact]
    public async Task UnknownRun_Is404_AndAnonymousIs401()
    {
        await admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, $"{Root}/run-missing");
        using var anonymous = platform.Anonymous();
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, Root);
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, $"{Root}/run-x/cancel");
    }

    [Fact]
    public async Task PlainUser_SeesOnlyOwnRuns_AndCannotCancelOthers()
    {
        var username = "plain-" + Guid.NewGuid().ToString("N")[..8];
        var user = await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/identity/users",
            new { username, email = username + "@example.com", firstName = "P", lastName = "U", password = "User-Password-1" });
        var domainBundle = (await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/domains/{Domain}")).Str("bundleId");
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/bundles/{domainBundle}/permissions",
            new { actorId = user.Str("id"), actorType = "USER", permissions = new Dictionary<string, string[]> { ["DOMAIN"] = ["CREATE_SPARK_JOB"] } });
        using var client = await platform.LoginAsync(username, "User-Password-1");
        var mine = await RecordAsync("mine", createdBy: user.Str("id"));
        var theirs = await RecordAsync("theirs");

        var page = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root);
        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.Str("id")).ToArray();
        Assert.Contains(mine.Id, ids);
        Assert.DoesNotContain(theirs.Id, ids);
        await client.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, $"{Root}/{theirs.Id}");
        await client.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, $"{Root}/{theirs.Id}/cancel");
    }
}
