using System.Net;
using System.Text.Json;
using Iomete.Functions.Clusters.Tests.Jobs;

namespace Iomete.Functions.Clusters.Tests.Orchestration;

/// <summary>The routes the job orchestrator calls, against the Kubernetes stand-in (ResourceQuotas, SparkApplications).</summary>
public sealed class OrchestrationContractTests(JobsFixture fixture) : IClassFixture<JobsFixture>
{
    private const string Root = "/internal/v1/clusters/orchestration/domains/" + JobsFixture.Domain;

    private async Task<(HttpStatusCode Status, JsonElement Body)> InternalAsync(HttpMethod method, string url, object? body = null, string? runAs = null)
    {
        using var client = fixture.Platform.Anonymous();
        var headers = new Dictionary<string, string> { ["dapr-api-token"] = fixture.AppToken };
        if (runAs is not null)
        {
            headers["X-Iomete-Run-As"] = runAs;
        }
        var (status, text, response) = await client.SendRawAsync(method, url, body, headers);
        response.Dispose();
        return (status, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Theory]
    [InlineData("requests.cpu", "4", "3", "CPU")]
    [InlineData("limits.memory", "8Gi", "6Gi", "MEMORY")]
    [InlineData("pods", "10", "9", "PODS")]
    [InlineData("requests.storage", "100Gi", "100Gi", "STORAGE")]
    [InlineData("requests.cpu", "16", "3", null)]
    public async Task Capacity_ComparesTheDemandWithEveryQuota_AndNamesTheBlockingResource(string key, string hard, string used, string? blocking)
    {
        var ns = JobsFixture.Unique("ns");
        fixture.Kube.SetQuota(ns, "compute", new Dictionary<string, string> { [key] = hard }, new Dictionary<string, string> { [key] = used });

        var (status, body) = await InternalAsync(HttpMethod.Post, $"{Root}/namespaces/{ns}/capacity", new { cpuMillicores = 2000, memoryMiB = 4096, pods = 3 });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(blocking is null, body.GetProperty("fits").GetBoolean());
        if (blocking is not null)
        {
            Assert.Equal(blocking, body.Str("blockingResource"));
            Assert.Contains($"ResourceQuota 'compute': {key}", body.Str("message"));
        }
    }

    [Fact]
    public async Task Capacity_OfANamespaceWithoutQuota_Fits()
    {
        var (status, body) = await InternalAsync(HttpMethod.Post, $"{Root}/namespaces/{JobsFixture.Unique("free")}/capacity", new { cpuMillicores = 64000, memoryMiB = 1, pods = 1 });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("fits").GetBoolean());
    }

    [Fact]
    public async Task JobInfo_GivesNamespacePriorityAndTheDemandOfDriverAndExecutors()
    {
        var job = await fixture.CreateAsync(fixture.Body(template: new() { ["instanceConfig"] = new { executorCount = 2 } },
            extra: new() { ["namespace"] = "analytics", ["priority"] = "HIGH", ["flow"] = "PRIORITY" }));

        var (status, info) = await InternalAsync(HttpMethod.Get, $"{Root}/jobs/{job.Str("id")}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("analytics", "HIGH", "PRIORITY", "python"), (info.Str("namespace"), info.Str("priority"), info.Str("flow"), info.Str("applicationType")));
        var demand = info.GetProperty("demand");
        Assert.Equal(3, demand.GetProperty("pods").GetInt32());
        Assert.True(demand.GetProperty("cpuMillicores").GetInt64() > 0);
        Assert.True(demand.GetProperty("memoryMiB").GetInt64() > 0);
    }

    [Fact]
    public async Task Start_WithTheSameSubmissionKeyTwice_StartsOneSparkRun()
    {
        var job = await fixture.CreateAsync(fixture.Body(extra: new() { ["concurrency"] = "ALLOW", ["flow"] = "PRIORITY" }));
        var key = Guid.NewGuid().ToString("N");

        var (firstStatus, first) = await InternalAsync(HttpMethod.Post, $"{Root}/jobs/{job.Str("id")}/runs", new { submissionKey = key }, fixture.AdminId);
        var (secondStatus, second) = await InternalAsync(HttpMethod.Post, $"{Root}/jobs/{job.Str("id")}/runs", new { submissionKey = key }, fixture.AdminId);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (firstStatus, secondStatus));
        Assert.Equal(first.Str("id"), second.Str("id"));
        Assert.Equal("SUBMITTED", first.Str("status"));
        Assert.Single(fixture.Kube.Created, o => o["metadata"]!["name"]!.GetValue<string>() == "run-" + first.Str("id"));

        var (cancelStatus, cancelled) = await InternalAsync(HttpMethod.Post, $"{Root}/runs/{first.Str("id")}/cancel", new { });
        Assert.Equal(HttpStatusCode.OK, cancelStatus);
        Assert.Equal(("ABORTED", "USER", true), (cancelled.Str("status"), cancelled.Str("reason"), cancelled.GetProperty("terminal").GetBoolean()));
    }

    [Fact]
    public async Task TheRoutes_RefuseCallsWithoutTheInternalToken()
    {
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, $"{Root}/namespaces/x/capacity",
            new { cpuMillicores = 1, memoryMiB = 1, pods = 1 });
    }
}
