using System.Text.Json.Nodes;
using Iomete.Functions.Clusters.DataPlane;
using k8s;
using Microsoft.Extensions.Logging.Abstractions;

namespace Iomete.Functions.Clusters.Tests.DataPlane;

/// <summary>
/// Contract tests: KubernetesClient's custom-objects calls as our data plane makes them, against a stand-in of the API
/// server's sparkapplications endpoints (no Kubernetes runs here), including conflicts, watch drops and expired versions.
/// </summary>
public sealed class SparkApplicationsContractTests : IAsyncLifetime
{
    private FakeKubeApiServer server = null!;
    private KubernetesSparkApplications applications = null!;

    public async Task InitializeAsync()
    {
        server = await FakeKubeApiServer.StartAsync();
        // Every body the client sends must be a valid SparkApplication of the operator's CRD.
        server.Validate = body => Schemas.KubernetesSchemas.Errors(Schemas.KubernetesSchemas.SparkApplication, body) is { Count: > 0 } errors
            ? string.Join("; ", errors)
            : null;
        applications = new KubernetesSparkApplications(
            new k8s.Kubernetes(new KubernetesClientConfiguration { Host = server.Address.ToString().TrimEnd('/') }), NullLogger<KubernetesSparkApplications>.Instance);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    internal static JsonObject Application(string name, string ns = "spark", string resourceId = "r1") => new()
    {
        ["apiVersion"] = "sparkoperator.k8s.io/v1beta2",
        ["kind"] = "SparkApplication",
        ["metadata"] = new JsonObject
        {
            ["name"] = name, ["namespace"] = ns,
            ["labels"] = new JsonObject { ["iomete.com/managed"] = "true", ["iomete.com/resource-id"] = resourceId },
        },
        ["spec"] = new JsonObject
        {
            ["type"] = "Scala", ["mode"] = "cluster", ["sparkVersion"] = "3.5.5", ["mainApplicationFile"] = "local:///opt/spark/app.jar",
            ["driver"] = new JsonObject { ["cores"] = 1, ["memory"] = "1024m" },
            ["executor"] = new JsonObject { ["cores"] = 1, ["memory"] = "1024m", ["instances"] = 1 },
        },
    };

    [Fact]
    public async Task Create_SendsTheObject_AndARetriedCreateReturnsTheExistingOne()
    {
        var first = await applications.CreateAsync(Application("job-1"), CancellationToken.None);
        Assert.Equal(("spark", "job-1", ""), (first.Namespace, first.Name, first.State));
        Assert.Equal(RunPhase.Starting, first.Phase);
        server.SetState("spark", "job-1", "RUNNING");
        var again = await applications.CreateAsync(Application("job-1"), CancellationToken.None);
        Assert.Equal("RUNNING", again.State);
        Assert.Equal(2, server.Created.Count);
        Assert.All(server.Created, body => Assert.Equal("SparkApplication", body["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task BuiltApplications_AreAcceptedByTheSchemaCheckingServer_AndABrokenOneIsRefused()
    {
        var built = Iomete.Functions.Clusters.Kubernetes.SparkApplicationBuilder.Build(Kubernetes.Definitions.Compute("cc-contract"));
        var created = await applications.CreateAsync(built, CancellationToken.None);
        Assert.Equal("cc-contract", created.Name);
        var broken = Application("broken");
        broken["spec"]!["driver"]!["cores"] = "one";
        var refused = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => applications.CreateAsync(broken, CancellationToken.None));
        Assert.Equal(422, (int)refused.Response.StatusCode);
        Assert.Single(server.Errors);
    }

    [Fact]
    public async Task Get_And_Delete_TreatAMissingApplicationAsAbsent()
    {
        Assert.Null(await applications.GetAsync("spark", "nope", CancellationToken.None));
        await applications.DeleteAsync("spark", "nope", CancellationToken.None);
        await applications.CreateAsync(Application("job-2"), CancellationToken.None);
        server.SetState("spark", "job-2", "FAILED", "driver OOMKilled");
        var failed = await applications.GetAsync("spark", "job-2", CancellationToken.None);
        Assert.Equal(RunPhase.Failed, failed!.Phase);
        Assert.Equal("driver OOMKilled", failed.ErrorMessage);
        await applications.DeleteAsync("spark", "job-2", CancellationToken.None);
        Assert.Null(await applications.GetAsync("spark", "job-2", CancellationToken.None));
    }

    [Fact]
    public async Task Watch_SeesEveryTransition_AcrossDroppedWatchesAndAnExpiredVersion()
    {
        server.DropWatchesAfter = 1;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<SparkApplicationStatus>();
        var done = new TaskCompletionSource();
        var watcher = Task.Run(async () =>
        {
            await foreach (var status in applications.WatchAsync("spark", "iomete.com/resource-id=w1", cts.Token))
            {
                lock (seen)
                {
                    seen.Add(status);
                }
                if (status.Deleted)
                {
                    done.TrySetResult();
                    return;
                }
            }
        });
        // Each step waits until the watcher saw the previous one: on a loaded machine a fixed delay can let a state be
        // overwritten before any watch or list could see it, which no watcher can report.
        async Task SeenAsync(string state)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                lock (seen)
                {
                    if (seen.Any(s => s.State == state))
                    {
                        return;
                    }
                }
                await Task.Delay(20);
            }
        }
        await Task.Delay(200);
        await applications.CreateAsync(Application("watched", resourceId: "w1"), CancellationToken.None);
        await applications.CreateAsync(Application("other", resourceId: "w2"), CancellationToken.None);
        await SeenAsync("");
        foreach (var state in (string[])["SUBMITTED", "RUNNING", "SUCCEEDING", "COMPLETED"])
        {
            await Task.Delay(100);
            server.SetState("spark", "watched", state);
            await SeenAsync(state);
        }
        await Task.Delay(300);
        // The next event's version will be current + 1; a watch resumed from it is already too old: 410, relist, watch again.
        server.ExpiredBelow = server.CurrentVersion + 2;
        server.SetState("spark", "watched", "COMPLETED");
        await Task.Delay(300);
        await applications.DeleteAsync("spark", "watched", CancellationToken.None);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        Assert.True(done.Task.IsCompleted, "no DELETED event; requests: " + string.Join(", ", server.Requests)
            + "; seen: " + string.Join(", ", seen.Select(x => x.State + (x.Deleted ? "(deleted)" : "")))
            + "; watcher: " + (watcher.Exception?.InnerException?.Message ?? watcher.Status.ToString()));
        await watcher;
        List<string> states;
        lock (seen)
        {
            states = seen.Where(s => !s.Deleted).Select(s => s.State).Distinct().ToList();
            Assert.All(seen, s => Assert.Equal("watched", s.Name));
        }
        Assert.Equal(["", "SUBMITTED", "RUNNING", "SUCCEEDING", "COMPLETED"], states);
        // The deletion can only arrive on a watch opened after the expired one was answered 410 and the list was read again.
        Assert.True(server.Lists >= 2, $"the expired watch was not followed by a new list ({server.Lists} lists)");
        Assert.Contains(server.Requests, r => r.EndsWith("(expired)", StringComparison.Ordinal));
        Assert.True(SparkApplicationState.IsTerminal("COMPLETED"));
        Assert.False(SparkApplicationState.IsTerminal("FAILING"));
    }
}
