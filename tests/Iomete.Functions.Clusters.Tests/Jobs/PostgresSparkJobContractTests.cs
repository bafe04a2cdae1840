using System.Net;
using Iomete.Functions.Clusters.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Clusters.Tests.Jobs;

/// <summary>The job and run statements on PostgreSQL (the other tests run on SQLite): CRUD, filters, the guarded insert, CAS and the sweep queries.</summary>
public sealed class PostgresSparkJobContractTests(PostgresJobsFixture fixture) : IClassFixture<PostgresJobsFixture>
{
    private const string Console = JobsFixture.Console;

    [Fact]
    public async Task JobsAndRuns_WorkOnPostgres()
    {
        if (!fixture.Started)
        {
            return;
        }
        var job = await fixture.CreateAsync(fixture.Body(extra: new() { ["resourceTags"] = new[] { new { key = "team", value = "pg" } } }));
        var jobId = job.Str("id");
        var updated = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Console}/{jobId}",
            fixture.Body(job.Str("name"), extra: new() { ["description"] = "on postgres", ["version"] = 1, ["resourceTags"] = new[] { new { key = "team", value = "pg" } } }));
        Assert.Equal(2, updated.GetProperty("version").GetInt64());
        var listed = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Console}?tag=team:pg&jobType=MANUAL&search={job.Str("name")}&sort=-createdAt");
        Assert.Equal(1, listed.GetProperty("total").GetInt64());

        var runId = (await fixture.RunAsync(jobId)).Str("id");
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, $"{Console}/{jobId}/runs", new { });
        fixture.Kube.SetState("iomete-system", "run-" + runId, "RUNNING");
        await fixture.WaitForStatusAsync(jobId, runId, "RUNNING");
        fixture.Kube.SetState("iomete-system", "run-" + runId, "COMPLETED");
        await fixture.WaitForStatusAsync(jobId, runId, "COMPLETED");

        var all = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get,
            $"{JobsFixture.AllRuns}?jobId={jobId}&status=COMPLETED&user={fixture.AdminId}&tag=team:pg&namespace=iomete-system&from=2020-01-01T00:00:00Z");
        Assert.Equal(1, all.GetProperty("total").GetInt64());

        var store = fixture.Platform.Services.GetRequiredService<SparkRunStore>();
        var farFuture = DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeMilliseconds();
        Assert.Contains(await store.CollectableAsync(farFuture, CancellationToken.None), r => r.Id == runId);
        Assert.DoesNotContain(await store.OverdueAsync(farFuture, CancellationToken.None), r => r.Id == runId);

        var second = (await fixture.RunAsync(jobId)).Str("id");
        Assert.Contains(await store.OverdueAsync(farFuture, CancellationToken.None), r => r.Id == second);
        var aborted = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"{Console}/{jobId}/runs/{second}");
        Assert.Equal("ABORTED", aborted.Str("status"));
        await fixture.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Console}/{jobId}");
    }
}
