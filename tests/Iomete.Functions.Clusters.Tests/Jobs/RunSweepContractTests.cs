using System.Net;
using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Jobs;
using Iomete.Functions.Clusters.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Tests.Jobs;

/// <summary>The periodic run upkeep against the stand-in: execution timeouts and garbage collection of finished applications.</summary>
public sealed class RunSweepContractTests(JobsFixture fixture) : IClassFixture<JobsFixture>
{
    private const string Console = JobsFixture.Console;

    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }

    [Fact]
    public async Task ARunPastItsMaxExecutionDuration_IsAbortedWithExecutionTimeout_AndItsApplicationDeleted()
    {
        var jobId = (await fixture.CreateAsync(fixture.Body(template: new() { ["maxExecutionDurationSeconds"] = 1 }))).Str("id");
        var runId = (await fixture.RunAsync(jobId)).Str("id");
        if (fixture.Kube.Exists("iomete-system", "run-" + runId))
        {
            fixture.Kube.SetState("iomete-system", "run-" + runId, "RUNNING");
        }
        var aborted = await fixture.WaitForRunAsync(jobId, runId, r => r.Str("status") == "ABORTED" && r.GetProperty("applicationDeleted").GetBoolean());
        Assert.Equal("EXECUTION_TIMEOUT", aborted.Str("reason"));
        Assert.False(fixture.Kube.Exists("iomete-system", "run-" + runId));
        var change = fixture.Events.RunChanges(runId)[^1];
        Assert.Equal(("ABORTED", "EXECUTION_TIMEOUT"), (change.Status, change.Reason));
    }

    [Fact]
    public async Task FinishedApplications_AreDeletedOnceOlderThanTheTtl()
    {
        var jobId = (await fixture.CreateAsync(fixture.Body(extra: new() { ["concurrency"] = "ALLOW" }))).Str("id");
        var finished = (await fixture.RunAsync(jobId)).Str("id");
        var active = (await fixture.RunAsync(jobId)).Str("id");
        fixture.Kube.SetState("iomete-system", "run-" + finished, "COMPLETED");
        await fixture.WaitForStatusAsync(jobId, finished, "COMPLETED");

        var services = fixture.Platform.Services;
        var now = services.GetRequiredService<RunSweeper>();
        Assert.Equal(0, (await now.SweepAsync(CancellationToken.None)).Collected);
        Assert.True(fixture.Kube.Exists("iomete-system", "run-" + finished));

        var later = new RunSweeper(
            services.GetRequiredService<SparkRunStore>(), services.GetRequiredService<RunCancellation>(), services.GetRequiredService<RunTransitions>(),
            services.GetRequiredService<ISparkApplications>(), Options.Create(new SparkJobsOptions()), services.GetRequiredService<IOptions<ClustersOptions>>(),
            services.GetRequiredService<IOptions<DataPlaneOptions>>(), new ShiftedClock(TimeSpan.FromHours(2)), NullLogger<RunSweeper>.Instance);
        var (_, collected) = await later.SweepAsync(CancellationToken.None);
        Assert.True(collected >= 1);
        Assert.False(fixture.Kube.Exists("iomete-system", "run-" + finished));
        var run = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Console}/{jobId}/runs/{finished}");
        Assert.True(run.GetProperty("applicationDeleted").GetBoolean());
        Assert.Equal("COMPLETED", run.Str("status"));
        // The active run is not garbage: its application stays (its default 24 h limit is not reached two hours on).
        Assert.True(fixture.Kube.Exists("iomete-system", "run-" + active));
    }
}
