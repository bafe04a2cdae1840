using System.Text.Json.Nodes;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Functions.Clusters.Tests.Schemas;

namespace Iomete.Functions.Clusters.Tests.Kubernetes;

/// <summary>The schema checks can fail: each test breaks one field of a valid manifest and expects a rejection.</summary>
public sealed class SchemaValidatorTests
{
    private static JsonObject App() => SparkApplicationBuilder.Build(Definitions.Compute() with
    {
        Tolerations = [new KubernetesToleration("k8s.iomete.com/dedicated", "Exists", Effect: "NoSchedule")],
        Owner = new KubernetesOwnerReference("v1", "ConfigMap", "owner", "2d4f6b1e-0000-4000-8000-000000000001"),
    });

    [Fact]
    public void ContractBaseline_UnbrokenApplication_IsValid() =>
        KubernetesSchemas.AssertValid(KubernetesSchemas.SparkApplication, App());

    public static TheoryData<string, string, string> Breakages() => new()
    {
        { "misspelt driver field", "/spec/driver", """{"cors": 2}""" },
        { "misspelt spec field", "/spec", """{"sparkConfs": {}}""" },
        { "misspelt dynamicAllocation field", "/spec/dynamicAllocation", """{"maxExecutor": 3}""" },
        { "misspelt restartPolicy field", "/spec/restartPolicy", """{"retries": 3}""" },
        { "misspelt toleration field", "/spec/driver/tolerations/0", """{"efect": "NoSchedule"}""" },
        { "misspelt ownerReference field", "/metadata/ownerReferences/0", """{"uuid": "x"}""" },
        { "misspelt env field", "/spec/driver", """{"env": [{"name": "A", "valu": "b"}]}""" },
        { "cores as a string", "/spec/driver", """{"cores": "3"}""" },
        { "cores below the minimum", "/spec/executor", """{"cores": 0}""" },
        { "memory as a number", "/spec/executor", """{"memory": 1024}""" },
        { "sparkConf value as a number", "/spec/sparkConf", """{"spark.executor.instances": 2}""" },
        { "unknown application type", "/spec", """{"type": "Ruby"}""" },
        { "unknown restart type", "/spec/restartPolicy", """{"type": "Sometimes"}""" },
        { "retry interval below 1", "/spec/restartPolicy", """{"onFailureRetryInterval": 0}""" },
        { "label value as a number", "/metadata/labels", """{"iomete.com/resource-id": 7}""" },
        { "int-or-string given a boolean", "/spec", """{"batchSchedulerOptions": {"resources": {"cpu": true}}}""" },
        { "port without protocol", "/spec/driver", """{"ports": [{"name": "x", "containerPort": 1}]}""" },
        { "wrong apiVersion", "", """{"apiVersion": "sparkoperator.k8s.io/v1beta1"}""" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Contract_SparkApplicationWithBrokenField_IsRejected(string what, string path, string patch)
    {
        var app = App();
        Merge(app, path, JsonNode.Parse(patch)!.AsObject());
        var errors = KubernetesSchemas.Errors(KubernetesSchemas.SparkApplication, app);
        Assert.True(errors.Any(e => e.StartsWith(path + "/", StringComparison.Ordinal) || e.StartsWith(path + ":", StringComparison.Ordinal)),
            $"{what}: expected an error under '{path}', got: {string.Join("; ", errors)}");
    }

    [Theory]
    [InlineData("""{"cpu": 2}""")]
    [InlineData("""{"cpu": "500m"}""")]
    public void Contract_IntOrStringField_AcceptsIntegerAndString(string resources)
    {
        var app = App();
        Merge(app, "/spec", new JsonObject { ["batchSchedulerOptions"] = new JsonObject { ["resources"] = JsonNode.Parse(resources) } });
        KubernetesSchemas.AssertValid(KubernetesSchemas.SparkApplication, app);
    }

    [Fact]
    public void Contract_PodTemplate_KeepsUnknownFields()
    {
        var app = App();
        Merge(app, "/spec/driver", JsonNode.Parse("""{"template": {"spec": {"anythingGoes": 1}}}""")!.AsObject());
        KubernetesSchemas.AssertValid(KubernetesSchemas.SparkApplication, app);
    }

    [Fact]
    public void Contract_DeploymentWithMisspeltContainerField_IsRejected()
    {
        var deployment = JupyterManifests.Build(Definitions.Jupyter()).Deployment;
        KubernetesSchemas.AssertValid(KubernetesSchemas.Deployment, deployment);
        Merge(deployment, "/spec/template/spec/containers/0", JsonNode.Parse("""{"imagePullPolicyy": "Always"}""")!.AsObject());
        Assert.NotEmpty(KubernetesSchemas.Errors(KubernetesSchemas.Deployment, deployment));
    }

    [Fact]
    public void Contract_ServiceWithPortAsString_IsRejected()
    {
        var service = DriverServiceBuilder.Build(Definitions.Compute());
        KubernetesSchemas.AssertValid(KubernetesSchemas.Service, service);
        Merge(service, "/spec/ports/0", JsonNode.Parse("""{"port": "10000"}""")!.AsObject());
        Assert.NotEmpty(KubernetesSchemas.Errors(KubernetesSchemas.Service, service));
    }

    private static void Merge(JsonObject root, string path, JsonObject patch)
    {
        JsonNode target = root;
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            target = int.TryParse(segment, out var index) ? target[index]! : target[segment]!;
        foreach (var (key, value) in patch.ToList())
        {
            patch.Remove(key);
            target[key] = value;
        }
    }
}
