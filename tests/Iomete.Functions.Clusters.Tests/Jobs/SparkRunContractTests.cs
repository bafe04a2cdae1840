using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Iomete.Functions.Clusters.Common;
using Iomete.Functions.Clusters.Tests.Wiring;

namespace Iomete.Functions.Clusters.Tests.Jobs;

/// <summary>
/// Runs against the Kubernetes stand-in: the SparkApplication each run creates (checked against the operator's CRD),
/// statuses driven by the watch, cancel, concurrency, events, logs and metrics.
/// </summary>
public sealed class SparkRunContractTests(JobsFixture fixture) : IClassFixture<JobsFixture>
{
    private const string Console = JobsFixture.Console;
    private const string Sdk = JobsFixture.Sdk;

    private static JsonObject Spec(JsonObject app) => app["spec"]!.AsObject();

    [Fact]
    public async Task PythonMultiNodeRun_CreatesAValidApplication_WithDepsSecretsAndOverrides()
    {
        await TestSecrets.EnsureAsync(fixture.Admin, JobsFixture.Domain, "db-pass");
        await TestSecrets.EnsureAsync(fixture.Admin, JobsFixture.Domain, "s3-secret");
        var job = await fixture.CreateAsync(fixture.Body(template: new()
        {
            ["arguments"] = new[] { "--day", "monday" },
            ["envVars"] = new Dictionary<string, string> { ["MODE"] = "batch", ["API_TOKEN"] = "abc" },
            ["envSecrets"] = new[] { new { key = "DB_PASS", secretObject = new { key = "db-pass", source = new { type = "KUBERNETES", id = "default" } } } },
            ["sparkConf"] = new Dictionary<string, string> { ["spark.sql.shuffle.partitions"] = "8" },
            ["sparkConfSecrets"] = new[] { new { key = "spark.hadoop.fs.s3a.secret.key", secretObject = new { key = "s3-secret", source = new { type = "KUBERNETES", id = "default" } } } },
            ["deps"] = new { pyFiles = new[] { "s3a://bucket/lib.zip" }, packages = new[] { "org.apache.iceberg:iceberg-spark-runtime-3.5_2.12:1.6.1" } },
            ["instanceConfig"] = new { singleNodeDeployment = false, driverType = "driver-medium", executorType = "exec-small", executorCount = 3 },
            ["restartPolicy"] = new { type = "OnFailure", onFailureRetries = 2 },
        }, extra: new() { ["resourceTags"] = new[] { new { key = "team", value = "growth" } } }));
        var jobId = job.Str("id");

        var run = await fixture.RunAsync(jobId, new
        {
            arguments = new[] { "--day", "tuesday" },
            envVars = new Dictionary<string, string> { ["EXTRA"] = "1" },
            javaOptions = "-Dx=y",
            sparkConf = new Dictionary<string, string> { ["spark.sql.shuffle.partitions"] = "16" },
            resourceTags = new[] { new { key = "run", value = "adhoc" } },
        });
        var runId = run.Str("id");
        Assert.Equal("SUBMITTED", run.Str("status"));
        Assert.Equal(fixture.AdminId, run.Str("triggeredBy"));
        Assert.Equal(fixture.AdminId, run.Str("runAsUser"));
        Assert.Equal("*****", run.GetProperty("config").GetProperty("envVars").Str("API_TOKEN"));
        Assert.Equal(2, run.GetProperty("resourceTags").GetArrayLength());

        Assert.Empty(fixture.Kube.Errors);
        var app = fixture.Kube.CreatedBody("run-" + runId)!;
        var labels = app["metadata"]!["labels"]!;
        Assert.Equal("spark-job", labels["iomete.com/resource-type"]!.GetValue<string>());
        Assert.Equal(runId, labels["iomete.com/resource-id"]!.GetValue<string>());
        Assert.Equal(jobId, labels["iomete.com/job-id"]!.GetValue<string>());
        var spec = Spec(app);
        Assert.Equal("Python", spec["type"]!.GetValue<string>());
        Assert.Equal(["--day", "tuesday"], spec["arguments"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("16", spec["sparkConf"]!["spark.sql.shuffle.partitions"]!.GetValue<string>());
        Assert.Equal("${env:IOMETE_SPARK_CONF_SECRET_0}", spec["sparkConf"]!["spark.hadoop.fs.s3a.secret.key"]!.GetValue<string>());
        Assert.Equal(3, spec["executor"]!["instances"]!.GetValue<int>());
        Assert.Equal("-Dx=y", spec["driver"]!["javaOptions"]!.GetValue<string>());
        Assert.Equal(3600, spec["timeToLiveSeconds"]!.GetValue<long>());
        Assert.Equal("OnFailure", spec["restartPolicy"]!["type"]!.GetValue<string>());
        Assert.Equal(2, spec["restartPolicy"]!["onFailureRetries"]!.GetValue<int>());
        Assert.Equal("s3a://bucket/lib.zip", spec["deps"]!["pyFiles"]![0]!.GetValue<string>());
        var env = spec["driver"]!["env"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Contains(env, e => e["name"]!.GetValue<string>() == "EXTRA" && e["value"]!.GetValue<string>() == "1");
        Assert.Contains(env, e => e["name"]!.GetValue<string>() == "API_TOKEN" && e["value"]!.GetValue<string>() == "abc");
        var secret = env.Single(e => e["name"]!.GetValue<string>() == "DB_PASS");
        Assert.Equal("iomete-secret-store-default", secret["valueFrom"]!["secretKeyRef"]!["name"]!.GetValue<string>());
        Assert.Equal("db-pass", secret["valueFrom"]!["secretKeyRef"]!["key"]!.GetValue<string>());
        Assert.Contains(env, e => e["name"]!.GetValue<string>() == "IOMETE_SPARK_CONF_SECRET_0");
    }

    [Fact]
    public async Task JvmSingleNodeRun_CreatesAValidApplication()
    {
        var job = await fixture.CreateAsync(fixture.Body(template: new()
        {
            ["applicationType"] = "jvm",
            ["mainApplicationFile"] = "local:///opt/spark/app.jar",
            ["mainClass"] = "com.example.Main",
            ["deps"] = new { jars = new[] { "s3a://bucket/extra.jar" } },
            ["instanceConfig"] = new { singleNodeDeployment = true, driverType = "driver-small" },
        }, extra: new() { ["namespace"] = "analytics" }));
        var run = await fixture.RunAsync(job.Str("id"));
        Assert.Empty(fixture.Kube.Errors);
        var app = fixture.Kube.CreatedBody("run-" + run.Str("id"))!;
        Assert.Equal("analytics", app["metadata"]!["namespace"]!.GetValue<string>());
        var spec = Spec(app);
        Assert.Equal("Java", spec["type"]!.GetValue<string>());
        Assert.Equal("com.example.Main", spec["mainClass"]!.GetValue<string>());
        Assert.Equal("0", spec["sparkConf"]!["spark.executor.instances"]!.GetValue<string>());
        Assert.Null(spec["dynamicAllocation"]);
    }

    [Fact]
    public async Task WatchedStates_MoveTheRun_SubmittedRunningCompleted_AndPublishEachChange()
    {
        var jobId = (await fixture.CreateAsync(fixture.Body())).Str("id");
        var runId = (await fixture.RunAsync(jobId)).Str("id");
        var name = "run-" + runId;

        fixture.Kube.SetStatus("iomete-system", name, new JsonObject
        {
            ["applicationState"] = new JsonObject { ["state"] = "RUNNING" },
            ["executorState"] = new JsonObject { [name + "-exec-1"] = "RUNNING", [name + "-exec-2"] = "PENDING" },
            ["submissionAttempts"] = 1,
            ["executionAttempts"] = 1,
            ["driverInfo"] = new JsonObject { ["webUIAddress"] = "10.0.0.1:4040" },
        });
        var running = await fixture.WaitForStatusAsync(jobId, runId, "RUNNING");
        Assert.Equal(1, running.GetProperty("executorsState").GetProperty("RUNNING").GetInt32());
        Assert.Equal(1, running.GetProperty("executorsState").GetProperty("PENDING").GetInt32());
        Assert.Equal(2, running.GetProperty("totalExecutors").GetInt32());
        Assert.Equal("http://10.0.0.1:4040", running.Str("sparkUI"));
        Assert.NotEqual(JsonValueKind.Null, running.GetProperty("startedAt").ValueKind);

        var metrics = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Sdk}/{jobId}/runs/{runId}/metrics");
        Assert.Equal(1, metrics.GetProperty("submissionAttempts").GetInt32());
        Assert.Equal("RUNNING", metrics.Str("operatorState"));

        fixture.Kube.SetState("iomete-system", name, "COMPLETED");
        var done = await fixture.WaitForStatusAsync(jobId, runId, "COMPLETED");
        Assert.NotEqual(JsonValueKind.Null, done.GetProperty("terminationTime").ValueKind);
        Assert.True(done.GetProperty("durationMs").GetInt64() >= 0);

        // Terminal states stay: a late event does not take the run back.
        fixture.Kube.SetState("iomete-system", name, "RUNNING");
        await Task.Delay(300);
        Assert.Equal("COMPLETED", (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Sdk}/{jobId}/runs/{runId}")).Str("status"));

        var changes = fixture.Events.RunChanges(runId);
        Assert.Equal(["ENQUEUED", "SUBMITTED", "RUNNING", "COMPLETED"], changes.Select(c => c.Status));
        Assert.Equal([null, "ENQUEUED", "SUBMITTED", "RUNNING"], changes.Select(c => c.PreviousStatus));
        Assert.All(changes, c => Assert.Equal(jobId, c.JobId));
        Assert.All(fixture.Events.Published.Where(p => p.Payload is SparkRunStateChanged), p => Assert.Equal(ClusterTopics.SparkRuns, p.Topic));
    }

    [Fact]
    public async Task FailedApplication_FailsTheRun_WithTheOperatorsError()
    {
        var jobId = (await fixture.CreateAsync(fixture.Body())).Str("id");
        var runId = (await fixture.RunAsync(jobId)).Str("id");
        fixture.Kube.SetState("iomete-system", "run-" + runId, "RUNNING");
        await fixture.WaitForStatusAsync(jobId, runId, "RUNNING");
        fixture.Kube.SetState("iomete-system", "run-" + runId, "FAILED", "driver container failed with ExitCode: 1");
        var failed = await fixture.WaitForStatusAsync(jobId, runId, "FAILED");
        Assert.Equal("driver container failed with ExitCode: 1", failed.Str("driverErrorMessage"));
        Assert.Equal("FAILED", failed.Str("driverStatus"));
        var last = fixture.Events.RunChanges(runId)[^1];
        Assert.Equal(("FAILED", "driver container failed with ExitCode: 1"), (last.Status, last.ErrorMessage));
    }

    [Fact]
    public async Task Cancel_AbortsTheRun_DeletesTheApplication_AndASecondCancelReturns409()
    {
        var jobId = (await fixture.CreateAsync(fixture.Body())).Str("id");
        var runId = (await fixture.RunAsync(jobId)).Str("id");
        Assert.True(fixture.Kube.Exists("iomete-system", "run-" + runId));

        var aborted = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"{Sdk}/{jobId}/runs/{runId}");
        Assert.Equal("ABORTED", aborted.Str("status"));
        Assert.Equal("USER", aborted.Str("reason"));
        Assert.True(aborted.GetProperty("applicationDeleted").GetBoolean());
        Assert.False(fixture.Kube.Exists("iomete-system", "run-" + runId));
        await Task.Delay(300);
        Assert.Equal("ABORTED", (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Console}/{jobId}/runs/{runId}")).Str("status"));
        Assert.Equal("USER", fixture.Events.RunChanges(runId)[^1].Reason);
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Delete, $"{Console}/{jobId}/runs/{runId}");
    }

    [Fact]
    public async Task Forbid_Refuses409WhileARunIsActive_AndAllowsOneAfterItEnds()
    {
        var jobId = (await fixture.CreateAsync(fixture.Body())).Str("id");
        var first = (await fixture.RunAsync(jobId)).Str("id");
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, $"{Console}/{jobId}/runs", new { });
        fixture.Kube.SetState("iomete-system", "run-" + first, "COMPLETED");
        await fixture.WaitForStatusAsync(jobId, first, "COMPLETED");
        await fixture.RunAsync(jobId);
    }

    [Fact]
    public async Task Replace_AbortsTheActiveRun_AndAllow_RunsBesideIt()
    {
        var replaceJob = (await fixture.CreateAsync(fixture.Body(extra: new() { ["concurrency"] = "REPLACE" }))).Str("id");
        var first = (await fixture.RunAsync(replaceJob)).Str("id");
        var second = (await fixture.RunAsync(replaceJob)).Str("id");
        var replaced = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Console}/{replaceJob}/runs/{first}");
        Assert.Equal(("ABORTED", "USER"), (replaced.Str("status"), replaced.Str("reason")));
        Assert.False(fixture.Kube.Exists("iomete-system", "run-" + first));
        Assert.True(fixture.Kube.Exists("iomete-system", "run-" + second));

        var allowJob = (await fixture.CreateAsync(fixture.Body(extra: new() { ["concurrency"] = "ALLOW" }))).Str("id");
        await fixture.RunAsync(allowJob);
        await fixture.RunAsync(allowJob);
        var runs = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Sdk}/{allowJob}/runs");
        Assert.Equal(2, runs.GetProperty("total").GetInt64());
        Assert.All(runs.GetProperty("items").EnumerateArray(), r => Assert.Equal("SUBMITTED", r.Str("status")));
    }

    [Fact]
    public async Task StreamingJob_HasOneActiveRun_AndAbortStopsIt()
    {
        var jobId = (await fixture.CreateAsync(fixture.Body(), JobsFixture.Streaming)).Str("id");
        var runId = (await fixture.RunAsync(jobId)).Str("id");
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, $"{Console}/{jobId}/runs", new { });
        var stopped = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{JobsFixture.Streaming}/{jobId}/abort");
        Assert.Equal((runId, "ABORTED"), (stopped.Str("id"), stopped.Str("status")));
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, $"{JobsFixture.Streaming}/{jobId}/abort");
    }

    [Fact]
    public async Task LogsAndEvents_ReadTheDriverPod_WithTheRange()
    {
        var jobId = (await fixture.CreateAsync(fixture.Body())).Str("id");
        var runId = (await fixture.RunAsync(jobId)).Str("id");
        var logs = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Sdk}/{jobId}/runs/{runId}/logs?range=5m");
        Assert.Equal($"run-{runId}-driver", logs.Str("source"));
        Assert.Equal($"log of run-{runId}-driver\n", logs.Str("logs"));
        Assert.Contains(fixture.Diagnostics.Reads, r => r.Pod == $"run-{runId}-driver" && r.Since == 300);
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Get, $"{Console}/{jobId}/runs/{runId}/logs?range=5w");

        var events = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Console}/{jobId}/runs/{runId}/events");
        Assert.Equal(2, events.GetProperty("total").GetInt32());
        Assert.Equal(1, events.GetProperty("warnings").GetInt32());
        var items = events.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal($"run-{runId}-driver", items[0].Str("objectName"));
        Assert.Equal($"run-{runId}", items[1].Str("objectName"));
        var sdkEvents = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Sdk}/{jobId}/runs/{runId}/events");
        Assert.Equal(2, sdkEvents.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AllRuns_AreFilteredByJobStatusAndTag()
    {
        var jobId = (await fixture.CreateAsync(fixture.Body(extra: new() { ["concurrency"] = "ALLOW" }))).Str("id");
        var tagged = (await fixture.RunAsync(jobId, new { resourceTags = new[] { new { key = "batch", value = "b7" } } })).Str("id");
        await fixture.RunAsync(jobId);
        var byJob = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{JobsFixture.AllRuns}?jobId={jobId}");
        Assert.Equal(2, byJob.GetProperty("total").GetInt64());
        var byTag = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{JobsFixture.AllRuns}?jobId={jobId}&tag=batch:b7");
        Assert.Equal(tagged, byTag.GetProperty("items")[0].Str("id"));
        var completed = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{JobsFixture.AllRuns}?jobId={jobId}&status=COMPLETED");
        Assert.Equal(0, completed.GetProperty("total").GetInt64());
        var future = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get,
            $"{JobsFixture.AllRuns}?jobId={jobId}&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}");
        Assert.Equal(0, future.GetProperty("total").GetInt64());
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Get, $"{JobsFixture.AllRuns}?status=DONE");
    }

    [Fact]
    public async Task DeletingAJob_AbortsItsActiveRun()
    {
        var jobId = (await fixture.CreateAsync(fixture.Body())).Str("id");
        var runId = (await fixture.RunAsync(jobId)).Str("id");
        await fixture.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Console}/{jobId}");
        Assert.False(fixture.Kube.Exists("iomete-system", "run-" + runId));
        Assert.Equal("ABORTED", fixture.Events.RunChanges(runId)[^1].Status);
    }
}
