using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Kubernetes;
using k8s;
using Microsoft.Extensions.Logging.Abstractions;

namespace Iomete.Functions.Clusters.Tests.DataPlane;

/// <summary>Contract tests: Deployments and Services through KubernetesClient against the schema-checking stand-in.</summary>
public sealed class WorkloadsContractTests : IAsyncLifetime
{
    private FakeKubeApiServer server = null!;
    private KubernetesWorkloads workloads = null!;

    public async Task InitializeAsync()
    {
        server = await FakeKubeApiServer.StartAsync();
        workloads = new KubernetesWorkloads(
            new k8s.Kubernetes(new KubernetesClientConfiguration { Host = server.Address.ToString().TrimEnd('/') }), NullLogger<KubernetesWorkloads>.Instance);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static JupyterManifestSet Manifests(string name, string resourceId = "r1", string image = "quay.io/jupyter/pyspark-notebook:2025-01-06") =>
        JupyterManifests.Build(Kubernetes.Definitions.Jupyter() with { Name = name, Namespace = "spark", ResourceId = resourceId, Image = image });

    [Fact]
    public async Task Apply_CreatesThenReplaces_KeepingTheClusterIp()
    {
        var first = Manifests("jc-a");
        await workloads.ApplyDeploymentAsync(first.Deployment, CancellationToken.None);
        await workloads.ApplyServiceAsync(first.Service, CancellationToken.None);
        var clusterIp = server.Service("spark", "jc-a")!["spec"]!["clusterIP"]!.GetValue<string>();

        var second = Manifests("jc-a", image: "quay.io/jupyter/pyspark-notebook:2025-02-01");
        await workloads.ApplyDeploymentAsync(second.Deployment, CancellationToken.None);
        await workloads.ApplyServiceAsync(second.Service, CancellationToken.None);

        var image = server.Deployment("spark", "jc-a")!["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>();
        Assert.Equal("quay.io/jupyter/pyspark-notebook:2025-02-01", image);
        Assert.Equal(clusterIp, server.Service("spark", "jc-a")!["spec"]!["clusterIP"]!.GetValue<string>());
        Assert.Empty(server.Errors);
    }

    [Fact]
    public async Task AnInvalidDeployment_IsRefusedByTheSchemaCheck()
    {
        var broken = Manifests("jc-b").Deployment;
        broken["spec"]!["replicas"] = "one";
        await Assert.ThrowsAnyAsync<Exception>(() => workloads.ApplyDeploymentAsync(broken, CancellationToken.None));
        Assert.Null(server.Deployment("spark", "jc-b"));
    }

    [Fact]
    public async Task Get_ReadsReadinessAndFailure_AndDeleteTreatsMissingAsDone()
    {
        Assert.Null(await workloads.GetDeploymentAsync("spark", "jc-c", CancellationToken.None));
        await workloads.DeleteDeploymentAsync("spark", "jc-c", CancellationToken.None);
        await workloads.DeleteServiceAsync("spark", "jc-c", CancellationToken.None);
        await workloads.ApplyDeploymentAsync(Manifests("jc-c").Deployment, CancellationToken.None);
        var starting = await workloads.GetDeploymentAsync("spark", "jc-c", CancellationToken.None);
        Assert.False(starting!.Ready);
        server.SetDeploymentStatus("spark", "jc-c", 1, ("Available", "True", "MinimumReplicasAvailable", "ok"));
        Assert.True((await workloads.GetDeploymentAsync("spark", "jc-c", CancellationToken.None))!.Ready);
        server.SetDeploymentStatus("spark", "jc-c", 0, ("Progressing", "False", "ProgressDeadlineExceeded", "ReplicaSet has timed out progressing."));
        var failed = await workloads.GetDeploymentAsync("spark", "jc-c", CancellationToken.None);
        Assert.Equal("ProgressDeadlineExceeded: ReplicaSet has timed out progressing.", failed!.FailureMessage);
        await workloads.DeleteDeploymentAsync("spark", "jc-c", CancellationToken.None);
        Assert.Null(server.Deployment("spark", "jc-c"));
    }

    [Fact]
    public async Task PodFailure_ReportsACrashLoop_OfTheSelectedPodsOnly()
    {
        var labels = new Dictionary<string, string> { [ManifestLabels.ResourceType] = "jupyter", [ManifestLabels.ResourceId] = "crashy" };
        Assert.Null(await workloads.FindPodFailureAsync("spark", "iomete.com/resource-id=crashy", CancellationToken.None));
        server.SetPod("spark", "jc-d-1", labels, null);
        server.SetPod("spark", "other", new Dictionary<string, string> { [ManifestLabels.ResourceId] = "other" }, "CrashLoopBackOff");
        Assert.Null(await workloads.FindPodFailureAsync("spark", "iomete.com/resource-id=crashy", CancellationToken.None));
        server.SetPod("spark", "jc-d-1", labels, "CrashLoopBackOff");
        var failure = await workloads.FindPodFailureAsync("spark", "iomete.com/resource-id=crashy", CancellationToken.None);
        Assert.Contains("CrashLoopBackOff", failure, StringComparison.Ordinal);
        Assert.Contains("jc-d-1", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_SeesEveryChange_AcrossDroppedWatchesAndAnExpiredVersion()
    {
        server.DropWatchesAfter = 1;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<DeploymentState>();
        var done = new TaskCompletionSource();
        var watcher = Task.Run(async () =>
        {
            await foreach (var state in workloads.WatchDeploymentsAsync("spark", "iomete.com/resource-id=w1", cts.Token))
            {
                lock (seen)
                    seen.Add(state);
                if (state.Deleted)
                {
                    done.TrySetResult();
                    return;
                }
            }
        });
        await Task.Delay(200);
        await workloads.ApplyDeploymentAsync(Manifests("jc-w", resourceId: "w1").Deployment, CancellationToken.None);
        await workloads.ApplyDeploymentAsync(Manifests("jc-x", resourceId: "w2").Deployment, CancellationToken.None);
        await Task.Delay(200);
        server.SetDeploymentStatus("spark", "jc-w", 1);
        await Task.Delay(300);
        server.ExpiredBelow = server.CurrentVersion + 2;
        server.SetDeploymentStatus("spark", "jc-w", 0, ("ReplicaFailure", "True", "FailedCreate", "quota exceeded"));
        await Task.Delay(300);
        await workloads.DeleteDeploymentAsync("spark", "jc-w", CancellationToken.None);
        await done.Task.WaitAsync(cts.Token);
        await cts.CancelAsync();
        await watcher.ContinueWith(_ => { }, TaskScheduler.Default);

        lock (seen)
        {
            Assert.All(seen, s => Assert.Equal("jc-w", s.Name));
            Assert.Contains(seen, s => s.Ready);
            Assert.Contains(seen, s => s.FailureMessage == "FailedCreate: quota exceeded");
            Assert.True(seen[^1].Deleted);
        }
        Assert.Contains(server.Requests, r => r.EndsWith("(expired)", StringComparison.Ordinal));
        Assert.True(server.Lists >= 2, string.Join("\n", server.Requests));
    }

    [Fact]
    public void DeploymentState_IsReadyOnlyWithEveryReplicaReady()
    {
        Assert.False(new DeploymentState("n", "d", 1, 0, null, null).Ready);
        Assert.True(new DeploymentState("n", "d", 1, 1, null, null).Ready);
        Assert.False(new DeploymentState("n", "d", 1, 1, null, null, Deleted: true).Ready);
    }
}
