using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Iomete.Functions.Clusters.Actors;
using Iomete.Functions.Clusters.Compute;
using Iomete.Functions.Clusters.Tests.Wiring;
using Microsoft.Extensions.DependencyInjection;
using static Iomete.Functions.Clusters.Tests.Compute.ComputeFixture;

namespace Iomete.Functions.Clusters.Tests.Compute;

/// <summary>
/// Contract tests: compute clusters through the real local host against the Kubernetes stand-in, which refuses any
/// SparkApplication the operator's CRD would refuse and plays the operator's state changes over its watch.
/// </summary>
public sealed class ComputeLifecycleContractTests(ComputeFixture fixture) : IClassFixture<ComputeFixture>
{
    private JsonObject Application(string id) =>
        fixture.Kube.Created.Last(b => b["metadata"]!["name"]!.GetValue<string>() == App(id));

    [Fact]
    public async Task Create_MultiNode_WithSecretsAndDeps_SubmitsACrdValidApplication_AndTheDriverService()
    {
        var secret = new { key = "DB_PASSWORD", secretObject = new { key = "warehouse-db", source = new { type = "KUBERNETES", id = Domain } } };
        var confSecret = new { key = "spark.hadoop.fs.s3a.secret.key", secretObject = new { key = "s3-secret", source = new { type = "KUBERNETES", id = (string?)null } } };
        await TestSecrets.EnsureAsync(fixture.Admin, Domain, "warehouse-db");
        await TestSecrets.EnsureAsync(fixture.Admin, null, "s3-secret");
        var created = await fixture.CreateAsync(extra: new()
        {
            ["minExecutors"] = 1, ["maxExecutors"] = 3, ["sparkConf"] = new Dictionary<string, string> { ["spark.sql.shuffle.partitions"] = "64" },
            ["envVars"] = new Dictionary<string, string> { ["TZ"] = "UTC" }, ["envSecrets"] = new[] { secret }, ["sparkConfSecrets"] = new[] { confSecret },
            ["deps"] = new { jars = new[] { "s3a://libs/a.jar" }, packages = new[] { "org.postgresql:postgresql:42.7.4" }, pyFiles = new[] { "s3a://libs/u.py" } },
            ["arguments"] = new[] { "--verbose" }, ["javaOptions"] = "-XX:+UseG1GC",
        });
        var id = created.Str("id");
        Assert.Equal("STARTING", created.Str("status"));
        Assert.Equal(["terminate", "restart"], created.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Empty(fixture.Kube.Errors);

        var app = Application(id);
        var spec = app["spec"]!;
        Assert.Equal(Namespace, app["metadata"]!["namespace"]!.GetValue<string>());
        Assert.Equal("compute", app["metadata"]!["labels"]!["iomete.com/resource-type"]!.GetValue<string>());
        Assert.Equal("OnFailure", spec["restartPolicy"]!["type"]!.GetValue<string>());
        Assert.Equal(5, spec["restartPolicy"]!["onFailureRetries"]!.GetValue<int>());
        Assert.Equal(10, spec["restartPolicy"]!["onFailureRetryInterval"]!.GetValue<long>());
        Assert.Equal(3, spec["dynamicAllocation"]!["maxExecutors"]!.GetValue<int>());
        Assert.Equal("${env:IOMETE_SPARK_CONF_SECRET_0}", spec["sparkConf"]!["spark.hadoop.fs.s3a.secret.key"]!.GetValue<string>());
        Assert.Equal("64", spec["sparkConf"]!["spark.sql.shuffle.partitions"]!.GetValue<string>());
        Assert.Equal("s3a://libs/a.jar", spec["deps"]!["jars"]![0]!.GetValue<string>());
        var env = spec["driver"]!["env"]!.AsArray();
        var password = env.Single(e => e!["name"]!.GetValue<string>() == "DB_PASSWORD")!;
        Assert.Equal("iomete-secret-store-default", password["valueFrom"]!["secretKeyRef"]!["name"]!.GetValue<string>());
        var confEnv = env.Single(e => e!["name"]!.GetValue<string>() == "IOMETE_SPARK_CONF_SECRET_0")!;
        Assert.Equal("iomete-secret-store", confEnv["valueFrom"]!["secretKeyRef"]!["name"]!.GetValue<string>());
        Assert.DoesNotContain("s3-secret-value", app.ToJsonString(), StringComparison.Ordinal);
        Assert.True(fixture.Kube.Service(Namespace, App(id) + "-endpoints") is not null, "the driver Service was not created");
    }

    [Fact]
    public async Task Create_SingleNode_SubmitsACrdValidApplication_WithoutExecutors()
    {
        var created = await fixture.CreateAsync(extra: new() { ["deploymentType"] = "SINGLE_NODE", ["namespace"] = "analytics" });
        var app = Application(created.Str("id"));
        Assert.Empty(fixture.Kube.Errors);
        Assert.Equal("analytics", app["metadata"]!["namespace"]!.GetValue<string>());
        Assert.Null(app["spec"]!["dynamicAllocation"]);
        Assert.Equal("0", app["spec"]!["sparkConf"]!["spark.executor.instances"]!.GetValue<string>());
        Assert.False(created.TryGetProperty("executors", out _));
        Assert.Equal("SINGLE_NODE", created.Str("deploymentType"));
    }

    [Fact]
    public async Task TheWatch_DrivesStartingToActive_AndTerminateStopsAndDeletesTheApplication()
    {
        var id = (await fixture.CreateAsync()).Str("id");
        fixture.Kube.SetState(Namespace, App(id), "SUBMITTED");
        fixture.Kube.SetState(Namespace, App(id), "RUNNING");
        var active = await fixture.WaitForStatusAsync(id, "ACTIVE");
        Assert.Equal("RUNNING", active.GetProperty("driver").Str("status"));
        Assert.Equal("driver-small", active.GetProperty("driver").Str("nodeType"));

        var stopped = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{id}/terminate");
        Assert.Equal("STOPPED", stopped.Str("status"));
        Assert.Equal(["start", "configure"], stopped.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Null(fixture.Kube.Service(Namespace, App(id) + "-endpoints"));
        await Task.Delay(300);
        Assert.Equal("STOPPED", (await fixture.GetAsync(id)).Str("status"));

        // Started again under the same name; 'stop' is terminate's other name.
        Assert.Equal("STARTING", (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{id}/start")).Str("status"));
        Assert.Equal("2", Application(id)["metadata"]!["labels"]!["iomete.com/start"]!.GetValue<string>());
        Assert.Equal("STOPPED", (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{id}/stop")).Str("status"));

        var activities = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}/activities");
        var actions = activities.GetProperty("items").EnumerateArray().Select(a => a.Str("action")).ToList();
        Assert.Equal(["TERMINATE", "START", "TERMINATE", "START"], actions);
        var changes = fixture.Published.Where(p => p.Topic == "compute-clusters").Select(p => p.Payload)
            .OfType<Iomete.Functions.Clusters.Common.ComputeStateChanged>().Where(e => e.ClusterId == id).Select(e => $"{e.PreviousState}>{e.State}").ToList();
        Assert.Equal(["STOPPED>STARTING", "STARTING>ACTIVE", "ACTIVE>STOPPED", "STOPPED>STARTING", "STARTING>STOPPED"], changes);
        Assert.All(activities.GetProperty("items").EnumerateArray(), a => Assert.False(string.IsNullOrEmpty(a.Str("userId"))));
        Assert.Equal(20, activities.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task Actions_ThatTheStateDoesNotAllow_Answer409_NamingTheStateAndTheAllowedActions()
    {
        var created = await fixture.CreateAsync();
        var id = created.Str("id");
        fixture.Kube.SetState(Namespace, App(id), "RUNNING");
        await fixture.WaitForStatusAsync(id, "ACTIVE");

        var configure = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Put, $"{Root}/{id}",
            new { version = created.GetProperty("version").GetInt64(), driverType = "driver-medium", executorType = "exec-small" });
        Assert.Contains("ACTIVE", configure.Str("detail"), StringComparison.Ordinal);
        Assert.Contains("terminate, restart", configure.Str("detail"), StringComparison.Ordinal);
        var start = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, $"{Root}/{id}/start");
        Assert.Contains("ACTIVE", start.Str("detail"), StringComparison.Ordinal);

        var restarted = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{id}/restart");
        Assert.Equal("STARTING", restarted.Str("status"));
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{id}/terminate");
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, $"{Root}/{id}/terminate");

        // STOPPED: configure with the version read; a stale version is a 409 too.
        var body = new { version = created.GetProperty("version").GetInt64(), driverType = "driver-medium", executorType = "exec-small", maxExecutors = 4 };
        var configured = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Root}/{id}", body);
        Assert.Equal("driver-medium", configured.Str("driverType"));
        Assert.Equal(created.GetProperty("version").GetInt64() + 1, configured.GetProperty("version").GetInt64());
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Put, $"{Root}/{id}", body);
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Put, $"{Root}/{id}",
            new { version = configured.GetProperty("version").GetInt64(), name = "renamed", driverType = "driver-small", executorType = "exec-small" });
        var activities = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}/activities");
        Assert.Equal("CONFIGURE", activities.GetProperty("items")[0].Str("action"));
        Assert.Contains(activities.GetProperty("items").EnumerateArray(), a => a.Str("action") == "RESTART");
    }

    [Fact]
    public async Task AFailedCluster_IsRestartedAutomatically_FiveTimes_ThenStaysFailed()
    {
        var id = (await fixture.CreateAsync()).Str("id");
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var generation = attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ComputeHttp.EventuallyAsync(() => Task.FromResult(fixture.Kube.Created.Count(b =>
                    b["metadata"]!["name"]!.GetValue<string>() == App(id) && b["metadata"]!["labels"]!["iomete.com/start"]!.GetValue<string>() == generation)),
                n => n == 1, $"application generation {generation}");
            // Wait until the cluster is on this generation before the operator reports its failure.
            await fixture.WaitForStatusAsync(id, "STARTING");
            fixture.Kube.SetState(Namespace, App(id), "FAILED", $"driver OOMKilled #{attempt}");
            if (attempt < 6)
            {
                await ComputeHttp.EventuallyAsync(() => Task.FromResult(fixture.Kube.Created.Count(b => b["metadata"]!["name"]!.GetValue<string>() == App(id))),
                    n => n == attempt + 1, $"automatic restart {attempt}");
            }
        }
        var failed = await fixture.WaitForStatusAsync(id, "FAILED");
        Assert.Equal("driver OOMKilled #6", failed.Str("errorMessage"));
        await Task.Delay(1000);
        Assert.Equal("FAILED", (await fixture.GetAsync(id)).Str("status"));
        Assert.Equal(6, fixture.Kube.Created.Count(b => b["metadata"]!["name"]!.GetValue<string>() == App(id)));
        var activities = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}/activities?limit=100");
        var actions = activities.GetProperty("items").EnumerateArray().Select(a => a.Str("action")).ToList();
        Assert.Equal(5, actions.Count(a => a == "AUTO_RESTART"));
        Assert.Equal(6, actions.Count(a => a == "FAILURE"));
        Assert.Equal(["terminate", "restart", "configure"], failed.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task AnIdleCluster_IsSuspended_AfterItsTimeout_WhileSqlUseKeepsItRunning()
    {
        var id = (await fixture.CreateAsync(extra: new() { ["autoSuspendSeconds"] = 2 })).Str("id");
        fixture.Kube.SetState(Namespace, App(id), "RUNNING");
        await fixture.WaitForStatusAsync(id, "ACTIVE");
        // Used every half second for three seconds: longer than the timeout, yet not idle.
        for (var i = 0; i < 6; i++)
        {
            await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/internal/clusters/domains/{Domain}/compute/{id}/sql-endpoint");
            await Task.Delay(500);
        }
        Assert.Equal("ACTIVE", (await fixture.GetAsync(id)).Str("status"));
        await fixture.WaitForStatusAsync(id, "STOPPED", seconds: 10);
        // The state is saved before the activity is: wait for the record.
        var activities = await ComputeHttp.EventuallyAsync(() => fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}/activities"),
            a => a.GetProperty("items")[0].Str("action") == "AUTO_SUSPEND", "the AUTO_SUSPEND activity");
        var suspend = activities.GetProperty("items")[0];
        Assert.False(suspend.TryGetProperty("userId", out var user) && user.ValueKind != JsonValueKind.Null, "the platform suspends, not a user");
    }

    [Fact]
    public async Task Delete_RemovesTheApplication_AndTheCluster_InAnyState()
    {
        var id = (await fixture.CreateAsync()).Str("id");
        fixture.Kube.SetState(Namespace, App(id), "RUNNING");
        await fixture.WaitForStatusAsync(id, "ACTIVE");
        await fixture.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Root}/{id}");
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, $"{Root}/{id}");
        var list = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root + "?limit=1000");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), c => c.Str("id") == id);
        Assert.Null(fixture.Kube.Service(Namespace, App(id) + "-endpoints"));
    }

    [Fact]
    public async Task TheAutoSuspendReminder_IsKeptInTheDatabase_AndFiredFromThere()
    {
        var id = (await fixture.CreateAsync()).Str("id");
        fixture.Kube.SetState(Namespace, App(id), "RUNNING");
        await fixture.WaitForStatusAsync(id, "ACTIVE");
        var reminders = fixture.Platform.Services.GetRequiredService<ActorReminders>();
        var due = await reminders.DueAsync(ComputeActors.ActorType, id, "auto-suspend", CancellationToken.None);
        Assert.NotNull(due);
        Assert.InRange(due.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
        Assert.Equal("ACTIVE", (await fixture.GetAsync(id)).Str("status"));

        // As after a restart of the process half an hour later: the stored due time has passed and the cluster was idle.
        var store = fixture.Platform.Services.GetRequiredService<ComputeClusterStore>();
        await store.TouchAsync(id, DateTimeOffset.UtcNow.AddHours(-1), CancellationToken.None);
        await reminders.RegisterAsync(ComputeActors.ActorType, id, "auto-suspend", DateTimeOffset.UtcNow.AddSeconds(-1), CancellationToken.None);
        await fixture.WaitForStatusAsync(id, "STOPPED", seconds: 10);
        Assert.Null(await reminders.DueAsync(ComputeActors.ActorType, id, "auto-suspend", CancellationToken.None));
    }
}
