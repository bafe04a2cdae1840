using System.Net;
using Iomete.Workflows.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Orchestrator.Tests.JobRuns;

/// <summary>Job runs through the orchestrator on a real local platform: real SQL jobs, the clusters service by service invocation.</summary>
public sealed class JobRunApiTests(JobRunPlatformFixture fixture) : IClassFixture<JobRunPlatformFixture>
{
    private const string Runs = JobRunPlatformFixture.WorkflowRuns;

    [Fact]
    public async Task Trigger_ASqlJob_QueuesRunsAndCompletes_WithTheSparkRunId()
    {
        var jobId = await fixture.SqlJobAsync("CREATE TABLE IF NOT EXISTS t_done (x INT); INSERT INTO t_done VALUES (1)");

        var created = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Runs, new { jobId });

        Assert.Equal("PENDING", created.Str("state"));
        Assert.Equal("JOB", created.Str("kind"));
        Assert.Equal(jobId, created.Str("jobId"));
        Assert.Equal("iomete-system", created.Str("namespace"));
        var done = await fixture.WaitForRunAsync(created.Str("id"), r => r.State.IsTerminal());
        Assert.True(done.State == WorkflowRunState.Completed, $"{done.State}: {done.StateMessage}");
        Assert.NotNull(done.ExternalRunId);
        var sparkRun = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{JobRunPlatformFixture.Jobs}/{jobId}/runs/{done.ExternalRunId}");
        Assert.Equal("COMPLETED", sparkRun.Str("status"));
        Assert.Equal(fixture.AdminId, sparkRun.Str("runAsUser"));
        var log = (await fixture.Platform.Services.GetService<RunJournal>()!.EventsAsync(done.Id, 0, 100, [RunEventKind.Log], CancellationToken.None))
            .Select(e => e.Message).ToList();
        Assert.Contains(log, l => l.StartsWith("Queued in the NORMAL queue of namespace 'iomete-system'", StringComparison.Ordinal));
        Assert.Contains(log, l => l.StartsWith($"Submitted: job service run {done.ExternalRunId}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Trigger_WithTheSameIdempotencyKey_AnswersTheSameRun()
    {
        var jobId = await fixture.SqlJobAsync("SELECT 1");
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };

        var first = await fixture.Admin.ExpectWithHeadersAsync(HttpStatusCode.Created, HttpMethod.Post, Runs, new { jobId }, headers);
        var second = await fixture.Admin.ExpectWithHeadersAsync(HttpStatusCode.OK, HttpMethod.Post, Runs, new { jobId }, headers);

        Assert.Equal(first.Str("id"), second.Str("id"));
        await fixture.WaitForRunAsync(first.Str("id"), r => r.State.IsTerminal());
    }

    [Fact]
    public async Task Trigger_Anonymously_Is401ProblemJson()
    {
        using var anonymous = fixture.Platform.Anonymous();
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Post, Runs, new { jobId = "x" });
    }

    [Fact]
    public async Task Trigger_ByAUserWithoutRunOnTheJob_Is403()
    {
        var jobId = await fixture.SqlJobAsync("SELECT 1");
        using var user = await fixture.PlainUserAsync();

        await user.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, Runs, new { jobId });
    }

    [Fact]
    public async Task Trigger_WithABadBody_Is400()
    {
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Runs, new { priority = "HIGH" });
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Runs,
            new { jobId = "x", retry = new { maxAttempts = 0 } });
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Runs, new { jobId = "x", maxExecutionSeconds = 5 });
    }

    [Fact]
    public async Task Trigger_OfAnUnknownJob_Is404()
    {
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Post, Runs, new { jobId = "no-such-job" });
    }

    [Fact]
    public async Task RunningAPriorityFlowJob_ThroughTheSparkRunRoute_GoesThroughTheOrchestrator()
    {
        var jobId = await fixture.SqlJobAsync("SELECT 1", flow: "PRIORITY");

        var created = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{JobRunPlatformFixture.Jobs}/{jobId}/runs", new { });

        Assert.Equal("PENDING", created.Str("state"));
        Assert.Equal(jobId, created.Str("jobId"));
        var done = await fixture.WaitForRunAsync(created.Str("id"), r => r.State.IsTerminal());
        Assert.True(done.State == WorkflowRunState.Completed, $"{done.State}: {done.StateMessage}");
        Assert.Equal(fixture.AdminId, done.CreatedBy);
    }
}
