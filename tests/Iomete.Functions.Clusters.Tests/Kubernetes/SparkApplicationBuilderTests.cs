using System.Text.Json.Nodes;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.Tests.Kubernetes;

public sealed class SparkApplicationBuilderTests
{
    private static JsonNode Spec(SparkApplicationDefinition d) => SparkApplicationBuilder.Build(d)["spec"]!;

    private static string? Conf(JsonNode spec, string key) => (string?)spec["sparkConf"]![key];

    [Fact]
    public void Build_Compute_HasApiVersionKindAndIometeLabelsOnObjectAndPods()
    {
        var app = SparkApplicationBuilder.Build(Definitions.Compute());
        Assert.Equal("sparkoperator.k8s.io/v1beta2", (string?)app["apiVersion"]);
        Assert.Equal("SparkApplication", (string?)app["kind"]);
        Assert.Equal("iomete-compute", (string?)app["metadata"]!["namespace"]);
        foreach (var labels in new[] { app["metadata"]!["labels"]!, app["spec"]!["driver"]!["labels"]!, app["spec"]!["executor"]!["labels"]! })
        {
            Assert.Equal("true", (string?)labels["iomete.com/managed"]);
            Assert.Equal("compute", (string?)labels["iomete.com/resource-type"]);
            Assert.Equal("c-0193a7b2", (string?)labels["iomete.com/resource-id"]);
            Assert.Equal("finance", (string?)labels["iomete.com/domain"]);
        }
    }

    [Fact]
    public void Build_SparkJob_IsLabelledSparkJobAndStartsNoIometeServers()
    {
        var app = SparkApplicationBuilder.Build(Definitions.Job());
        Assert.Equal("spark-job", (string?)app["metadata"]!["labels"]!["iomete.com/resource-type"]);
        Assert.Null(Conf(app["spec"]!, "spark.iomete.server.startHiveThriftServer"));
        Assert.Null(app["spec"]!["driver"]!["ports"]);
        Assert.Equal("Python", (string?)app["spec"]!["type"]);
        Assert.Equal("3", (string?)app["spec"]!["pythonVersion"]);
    }

    [Fact]
    public void Build_Compute_SetsServerSwitchesAndDriverPorts()
    {
        var spec = Spec(Definitions.Compute() with { ComputeServers = new ComputeServers(true, true, false) });
        Assert.Equal("true", Conf(spec, "spark.iomete.server.startHiveThriftServer"));
        Assert.Equal("true", Conf(spec, "spark.iomete.server.startSparkConnectServer"));
        Assert.Equal("false", Conf(spec, "spark.iomete.server.startArrowFlightServer"));
        var ports = spec["driver"]!["ports"]!.AsArray().Select(p => (int)p!["containerPort"]!).ToArray();
        Assert.Equal([10000, 15002], ports);
        var all = Spec(Definitions.Compute())["driver"]!["ports"]!.AsArray().Select(p => (int)p!["containerPort"]!).ToArray();
        Assert.Equal([10000, 15002, 33333], all);
    }

    [Fact]
    public void Build_DriverAndExecutor_GetTheDerivedResources()
    {
        var spec = Spec(Definitions.Compute());
        Assert.Equal(3, (int)spec["driver"]!["cores"]!);
        Assert.Equal("2000m", (string?)spec["driver"]!["coreRequest"]);
        Assert.Equal("2000m", (string?)spec["driver"]!["coreLimit"]);
        Assert.Equal("14894m", (string?)spec["driver"]!["memory"]);
        Assert.Equal("1490m", (string?)spec["driver"]!["memoryOverhead"]);
        Assert.Equal(6, (int)spec["executor"]!["cores"]!);
        Assert.Equal("4000m", (string?)spec["executor"]!["coreRequest"]);
        Assert.Equal("6", Conf(spec, "spark.executor.cores"));
    }

    [Fact]
    public void Build_UserSparkConf_IsKeptButDerivedResourceKeysWin()
    {
        var spec = Spec(Definitions.Compute() with
        {
            SparkConf = new Dictionary<string, string> { ["spark.sql.shuffle.partitions"] = "64", ["spark.driver.memory"] = "99g" },
        });
        Assert.Equal("64", Conf(spec, "spark.sql.shuffle.partitions"));
        Assert.Equal("14894m", Conf(spec, "spark.driver.memory"));
    }

    [Fact]
    public void Build_SingleNode_RunsTheDriverInLocalModeWithoutExecutors()
    {
        var spec = Spec(Definitions.Compute() with { Deployment = SparkDeployment.SingleNodeOnly, ExecutorNodeType = null });
        Assert.Equal("local[3]", Conf(spec, "spark.kubernetes.driver.master"));
        Assert.Equal("0", Conf(spec, "spark.executor.instances"));
        Assert.Equal("false", Conf(spec, "spark.dynamicAllocation.enabled"));
        Assert.Null(spec["dynamicAllocation"]);
        Assert.Null(spec["executor"]!["instances"]);
    }

    [Fact]
    public void Build_MultiNodeRange_EnablesDynamicAllocationStartingWithOneExecutor()
    {
        var spec = Spec(Definitions.Compute() with { Deployment = SparkDeployment.MultiNode(0, 4) });
        var dynamic = spec["dynamicAllocation"]!;
        Assert.True((bool)dynamic["enabled"]!);
        Assert.Equal(0, (int)dynamic["minExecutors"]!);
        Assert.Equal(4, (int)dynamic["maxExecutors"]!);
        Assert.Equal(1, (int)dynamic["initialExecutors"]!);
        Assert.True((bool)dynamic["shuffleTrackingEnabled"]!);
        Assert.Equal(1, (int)spec["executor"]!["instances"]!);
        Assert.Null(Conf(spec, "spark.kubernetes.driver.master"));
    }

    [Fact]
    public void Build_FixedExecutorCount_RunsThatManyWithoutDynamicAllocation()
    {
        var spec = Spec(Definitions.Job());
        Assert.False((bool)spec["dynamicAllocation"]!["enabled"]!);
        Assert.Equal(2, (int)spec["executor"]!["instances"]!);
    }

    [Fact]
    public void Build_RestartPolicies_CarryRetriesOnlyWhereTheyApply()
    {
        Assert.Equal("""{"type":"Never"}""", Spec(Definitions.Job())["restartPolicy"]!.ToJsonString());
        var onFailure = Spec(Definitions.Compute() with { RestartPolicy = new(SparkRestartType.OnFailure, 5, 10) })["restartPolicy"]!;
        Assert.Equal(5, (int)onFailure["onFailureRetries"]!);
        Assert.Equal(10, (long)onFailure["onFailureRetryInterval"]!);
        var always = Spec(Definitions.Compute() with { RestartPolicy = new(SparkRestartType.Always) })["restartPolicy"]!;
        Assert.Equal("Always", (string?)always["type"]);
        Assert.Null(always["onFailureRetries"]);
    }

    [Fact]
    public void Build_SecretEnvVar_IsASecretKeyRefOnBothPods()
    {
        var spec = Spec(Definitions.Job() with
        {
            EnvVars = new Dictionary<string, string> { ["MODE"] = "batch" },
            EnvSecrets = [new SecretEnvVar("DB_PASSWORD", "finance-secrets", "db-password")],
        });
        foreach (var role in new[] { "driver", "executor" })
        {
            var env = spec[role]!["env"]!.AsArray();
            Assert.Equal("batch", (string?)env.Single(e => (string?)e!["name"] == "MODE")!["value"]);
            var secret = env.Single(e => (string?)e!["name"] == "DB_PASSWORD")!;
            Assert.Null(secret["value"]);
            Assert.Equal("finance-secrets", (string?)secret["valueFrom"]!["secretKeyRef"]!["name"]);
            Assert.Equal("db-password", (string?)secret["valueFrom"]!["secretKeyRef"]!["key"]);
        }
    }

    [Fact]
    public void Build_OnDemandPvc_IsSparkConfAndEmptyDirIsAVolumeMountedOnExecutors()
    {
        var pvc = Spec(Definitions.Job() with { ExecutorVolume = new(ExecutorVolumeKind.OnDemandPvc) { StorageClass = "gp3", SizeLimit = "50Gi" } });
        const string prefix = "spark.kubernetes.executor.volumes.persistentVolumeClaim.spark-local-dir-1.";
        Assert.Equal("OnDemand", Conf(pvc, prefix + "options.claimName"));
        Assert.Equal("50Gi", Conf(pvc, prefix + "options.sizeLimit"));
        Assert.Equal("/local1", Conf(pvc, prefix + "mount.path"));
        Assert.Null(pvc["volumes"]);

        var emptyDir = Spec(Definitions.Job() with { ExecutorVolume = new(ExecutorVolumeKind.EmptyDir) { SizeLimit = "20Gi" } });
        Assert.Equal("20Gi", (string?)emptyDir["volumes"]![0]!["emptyDir"]!["sizeLimit"]);
        Assert.Equal("/local1", (string?)emptyDir["executor"]!["volumeMounts"]![0]!["mountPath"]);
        Assert.Null(emptyDir["driver"]!["volumeMounts"]);
    }

    [Fact]
    public void Build_OwnerReference_IsAControllerReference()
    {
        var app = SparkApplicationBuilder.Build(Definitions.Compute() with { Owner = new("v1", "ConfigMap", "o", "uid-1") });
        var owner = app["metadata"]!["ownerReferences"]![0]!;
        Assert.Equal("uid-1", (string?)owner["uid"]);
        Assert.True((bool)owner["controller"]!);
    }

    public static TheoryData<string, Func<SparkApplicationDefinition, SparkApplicationDefinition>> Invalid() => new()
    {
        { "upper-case name", d => d with { Name = "My-Cluster" } },
        { "underscore in name", d => d with { Name = "my_cluster" } },
        { "name starting with a digit", d => d with { Name = "1cluster" } },
        { "name too long", d => d with { Name = new string('a', 53) } },
        { "bad namespace", d => d with { Namespace = "Compute" } },
        { "bad domain label", d => d with { Domain = "fin ance" } },
        { "servers on a job", d => d with { ResourceType = ManagedResourceType.SparkJob, ComputeServers = ComputeServers.Default } },
        { "no servers", d => d with { ComputeServers = new(false, false, false) } },
        { "multi-node without executor type", d => d with { ExecutorNodeType = null } },
        { "min above max", d => d with { Deployment = SparkDeployment.MultiNode(5, 2) } },
        { "no image", d => d with { Image = " " } },
        { "env var with '='", d => d with { EnvVars = new Dictionary<string, string> { ["A=B"] = "x" } } },
        { "env var twice", d => d with { EnvVars = new Dictionary<string, string> { ["A"] = "x" }, EnvSecrets = [new("A", "s", "k")] } },
        { "bad toleration operator", d => d with { Tolerations = [new("k", "Like")] } },
        { "retry interval 0", d => d with { RestartPolicy = new(SparkRestartType.OnFailure, 1, 0) } },
        { "hostPath without path", d => d with { ExecutorVolume = new(ExecutorVolumeKind.HostPath) } },
        { "on-demand PVC without size", d => d with { ExecutorVolume = new(ExecutorVolumeKind.OnDemandPvc) } },
        { "relative mount path", d => d with { ExecutorVolume = new(ExecutorVolumeKind.EmptyDir, "local1") } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Build_InvalidDefinition_IsAValidationError(string what, Func<SparkApplicationDefinition, SparkApplicationDefinition> change)
    {
        var ex = Record.Exception(() => SparkApplicationBuilder.Build(change(Definitions.Compute())));
        Assert.True(ex is ValidationException, $"{what}: {ex?.GetType().Name ?? "no exception"}");
    }
}
