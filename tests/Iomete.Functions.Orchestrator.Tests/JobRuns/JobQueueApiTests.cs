using System.Net;
using Iomete.Workflows.Runs;
using Iomete.Platform.Security;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Orchestrator.Tests.JobRuns;

/// <summary>The visible queue: with one orchestrated run per namespace, a second run waits, blocked on PODS, and can be aborted while queued.</summary>
public sealed class JobQueueApiTests(JobRunPlatformFixture fixture) : IClassFixture<JobRunPlatformFixture>
{
    [Fact]
    public async Task ASecondRun_WaitsVisiblyInTheQueue_UntilAborted()
    {
        var longJob = await fixture.SqlJobAsync("SELECT count(*) FROM range(10000000000000)");
        var shortJob = await fixture.SqlJobAsync("SELECT 1");
        var first = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, JobRunPlatformFixture.WorkflowRuns, new { jobId = longJob });
        var running = await fixture.WaitForRunAsync(first.Str("id"), r => r.State == WorkflowRunState.Running);
        using (var platformCall = fixture.Platform.Anonymous())
        {
            var token = fixture.Platform.Services.GetRequiredService<IOptions<InternalCallOptions>>().Value.AppApiToken!;
            var told = await platformCall.ExpectWithHeadersAsync(HttpStatusCode.OK, HttpMethod.Post, "/internal/v1/orchestrator/subscriptions/spark-runs/job-runs",
                new { specversion = "1.0", data = new { domain = "default", jobId = longJob, jobName = "x", runId = running.ExternalRunId, status = "RUNNING" } },
                new Dictionary<string, string> { ["dapr-api-token"] = token });
            Assert.Equal(first.Str("id"), told.Str("workflowRunId"));
        }

        var second = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, JobRunPlatformFixture.WorkflowRuns,
            new { jobId = shortJob, priority = "HIGH" });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        System.Text.Json.JsonElement queue;
        do
        {
            queue = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{JobRunPlatformFixture.Queues}/iomete-system");
            if (queue.GetProperty("high").TryGetProperty("blockingResource", out var blocking) && blocking.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                break;
            }
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        var high = queue.GetProperty("high");
        Assert.Equal(1, high.GetProperty("length").GetInt32());
        Assert.Equal("PODS", high.Str("blockingResource"));
        var entry = high.GetProperty("entries")[0];
        Assert.Equal(second.Str("id"), entry.Str("runId"));
        Assert.Equal(1, entry.GetProperty("position").GetInt32());
        Assert.Equal("HIGH", entry.Str("priority"));
        Assert.True(entry.GetProperty("waitingSeconds").GetInt64() >= 0);
        var all = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, JobRunPlatformFixture.Queues);
        Assert.Contains(all.GetProperty("items").EnumerateArray(), q => q.Str("namespace") == "iomete-system");

        await fixture.Durable.RaiseEventAsync(second.Str("id"), WorkflowEvents.Cancel, "aborted while queued");
        var aborted = await fixture.WaitForRunAsync(second.Str("id"), r => r.State.IsTerminal());
        Assert.Equal(WorkflowRunState.Cancelled, aborted.State);
        Assert.Null(aborted.ExternalRunId);
        var after = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{JobRunPlatformFixture.Queues}/iomete-system");
        Assert.Equal(0, after.GetProperty("high").GetProperty("length").GetInt32());

        await fixture.Durable.RaiseEventAsync(first.Str("id"), WorkflowEvents.Cancel, "test over");
        var cancelled = await fixture.WaitForRunAsync(first.Str("id"), r => r.State.IsTerminal());
        Assert.Equal(WorkflowRunState.Cancelled, cancelled.State);
        var sparkRun = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{JobRunPlatformFixture.Jobs}/{longJob}/runs/{cancelled.ExternalRunId}");
        Assert.Equal("ABORTED", sparkRun.Str("status"));
    }
}
