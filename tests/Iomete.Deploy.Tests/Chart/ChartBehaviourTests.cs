using System.Text;
using System.Text.Json.Nodes;
using Iomete.Deploy.Tests.Chart.Validation;

namespace Iomete.Deploy.Tests.Chart;

/// <summary>What the rendered chart does with its values, beyond being valid objects.</summary>
public sealed class ChartBehaviourTests
{
    private static RenderedObject Single(IReadOnlyList<RenderedObject> objects, string kind, string name, string? ns = ChartMatrix.Namespace) =>
        Assert.Single(objects, o => o.Kind == kind && o.Name == name && o.Namespace == ns);

    [Fact]
    public void EachDataPlaneNamespace_GetsARoleAndABindingToTheReleasesServiceAccount()
    {
        var objects = RenderedChartTests.Render("three namespaces with jupyter");

        foreach (var ns in new[] { "spark-a", "spark-b", "iomete-system" })
        {
            var role = Single(objects, "Role", "lake-data-plane", ns);
            var rules = role.Json["rules"]!.AsArray();
            Assert.Contains(rules, r => r!["resources"]!.AsArray().Select(n => (string)n!).Contains("sparkapplications")
                && r["verbs"]!.AsArray().Select(n => (string)n!).Contains("create"));
            Assert.Contains(rules, r => r!["resources"]!.AsArray().Select(n => (string)n!).Contains("persistentvolumeclaims"));
            var binding = Single(objects, "RoleBinding", "lake-data-plane", ns);
            Assert.Equal("lake-data-plane", (string?)binding.Json["roleRef"]!["name"]);
            var subject = Assert.Single(binding.Json["subjects"]!.AsArray())!;
            Assert.Equal(("ServiceAccount", "lake", ChartMatrix.Namespace), ((string?)subject["kind"], (string?)subject["name"], (string?)subject["namespace"]));
        }
    }

    [Fact]
    public void WithoutJupyter_TheRoleHasNoVolumeClaims()
    {
        var role = Single(RenderedChartTests.Render("all features off"), "Role", "lake-data-plane", "iomete-system");

        Assert.DoesNotContain("persistentvolumeclaims", role.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void MigrationsJob_IsAPreInstallAndPreUpgradeHook_ThatRunsTheAppsMigrateMode()
    {
        var job = Single(RenderedChartTests.Render("defaults"), "Job", "lake-migrations");

        Assert.Equal("pre-install,pre-upgrade", (string?)job.Json["metadata"]!["annotations"]!["helm.sh/hook"]);
        var container = job.Json["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("--migrate", (string?)container["command"]!.AsArray().Last());
        var env = container["env"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => e!);
        Assert.Equal("Postgres", (string?)env["Iomete__MetadataDb__Engine"]["value"]);
        Assert.Equal("iomete-postgresql", (string?)env["IOMETE_POSTGRES_PASSWORD"]["valueFrom"]!["secretKeyRef"]!["name"]);
        Assert.EndsWith("Password=$(IOMETE_POSTGRES_PASSWORD)", (string?)env["Iomete__MetadataDb__ConnectionString"]["value"], StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_NameEveryDataPlaneNamespace_AndTheStorage()
    {
        var data = Single(RenderedChartTests.Render("three namespaces with jupyter"), "ConfigMap", "lake-settings").Json["data"]!;

        foreach (var ns in new[] { "spark-a", "spark-b", "iomete-system" })
            Assert.Equal(ns, (string?)data[$"Iomete__Clusters__Namespaces__{ns}"]);
        Assert.Equal("S3", (string?)data["Iomete__Storage__Type"]);
        Assert.Equal("http://minio:9000", (string?)data["Iomete__Storage__S3__ServiceUrl"]);
    }

    [Fact]
    public void AwsS3WithIrsa_HasNoEndpointNoPathStyleAndNoStaticKeys()
    {
        var objects = RenderedChartTests.Render("aws s3 with irsa");

        var data = Single(objects, "ConfigMap", "lake-settings").Json["data"]!;
        Assert.Equal("", (string?)data["Iomete__Storage__S3__ServiceUrl"]);
        Assert.Equal("false", (string?)data["Iomete__Storage__S3__ForcePathStyle"]);
        Assert.DoesNotContain("Iomete__Storage__S3__AccessKey", Single(objects, "Deployment", "lake-workflows-worker").Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void SettingsSecret_HoldsTheValuesBase64Encoded()
    {
        var data = Single(RenderedChartTests.Render("admin password and tokens set"), "Secret", "lake-settings").Json["data"]!;

        string Decoded(string key) => Encoding.UTF8.GetString(Convert.FromBase64String((string)data[key]!));
        Assert.Equal("t0ken", Decoded("Iomete__Internal__AppApiToken"));
        Assert.Equal("t0ken", Decoded("token"));
        Assert.Equal("s3cret", Decoded("Iomete__DataSecurity__TrustedEngineSecret"));
        Assert.Equal("Adm1n!pass", Decoded("IOMETE_ADMIN_PASSWORD"));
    }

    [Fact]
    public void OwnSecretsAndKeys_AreMountedAndNoSettingsSecretIsRendered()
    {
        var objects = RenderedChartTests.Render("own secrets, keys, tls, oidc, no network policies, no dapr");

        Assert.DoesNotContain(objects, o => o.Kind is "Secret" or "NetworkPolicy");
        var worker = Single(objects, "Deployment", "lake-workflows-worker").Json["spec"]!["template"]!;
        Assert.Equal("false", (string?)worker["metadata"]!["annotations"]!["dapr.io/enabled"]);
        Assert.Contains(worker["spec"]!["volumes"]!.AsArray(), v => (string?)v!["secret"]?["secretName"] == "iomete-keys");
        var data = Single(objects, "ConfigMap", "lake-settings").Json["data"]!;
        Assert.Equal("/etc/iomete/keys/core-secrets.key", (string?)data["Iomete__Core__SecretKeyFile"]);
        Assert.Equal("https://iomete.example.com", (string?)data["Iomete__Identity__Oidc__Issuer"]);
        var ingress = Single(objects, "Ingress", "lake").Json["spec"]!;
        Assert.Equal("iomete-tls", (string?)ingress["tls"]![0]!["secretName"]);
    }

    [Fact]
    public void Ingress_SendsEverythingToTheGatewayService()
    {
        var spec = Single(RenderedChartTests.Render("defaults"), "Ingress", "lake").Json["spec"]!;

        var rule = Assert.Single(spec["rules"]!.AsArray())!;
        Assert.Equal("iomete.example.com", (string?)rule["host"]);
        var path = Assert.Single(rule["http"]!["paths"]!.AsArray())!;
        Assert.Equal(("/", "lake-gateway"), ((string?)path["path"], (string?)path["backend"]!["service"]!["name"]));
        Assert.Null(spec["tls"]);
    }

    [Fact]
    public void NetworkPolicies_DenyIngressByDefault_AndOpenTheDaprPorts()
    {
        var objects = RenderedChartTests.Render("defaults");

        var deny = Single(objects, "NetworkPolicy", "lake-default-deny-ingress").Json["spec"]!;
        Assert.Empty(deny["podSelector"]!.AsObject());
        Assert.Null(deny["ingress"]);
        var dapr = Single(objects, "NetworkPolicy", "lake-allow-dapr").Json["spec"]!;
        Assert.Equal([3500L, 50001L, 50002L], dapr["ingress"]![0]!["ports"]!.AsArray().Select(p => (long)p!["port"]!));
        var postgres = Single(objects, "NetworkPolicy", "lake-allow-postgresql").Json["spec"]!;
        Assert.Equal(5432L, (long)postgres["ingress"]![0]!["ports"]![0]!["port"]!);
    }

    [Fact]
    public void Worker_HasDaprAnnotations_AndReadsTheSettings()
    {
        var template = Single(RenderedChartTests.Render("defaults"), "Deployment", "lake-workflows-worker").Json["spec"]!["template"]!;

        var annotations = template["metadata"]!["annotations"]!;
        Assert.Equal(("true", "iomete-workflows-worker", "8080"),
            ((string?)annotations["dapr.io/enabled"], (string?)annotations["dapr.io/app-id"], (string?)annotations["dapr.io/app-port"]));
        var envFrom = template["spec"]!["containers"]![0]!["envFrom"]!.AsArray();
        Assert.Equal(["lake-settings", "lake-settings"], envFrom.Select(e => (string?)(e!["configMapRef"] ?? e["secretRef"])!["name"]));
        Assert.Equal(JsonValue.Create(true).ToJsonString(), template["spec"]!["containers"]![0]!["securityContext"]!["readOnlyRootFilesystem"]!.ToJsonString());
    }

    [Theory]
    [InlineData("defaults", "pubsub.jetstream")]
    [InlineData("kafka", "pubsub.kafka")]
    public void PubSub_IsNatsByDefault_AndKafkaWhenBrokersAreSet(string matrixCase, string type)
    {
        var pubsub = Single(RenderedChartTests.Render(matrixCase), "Component", "pubsub", ns: null);

        Assert.Equal(type, (string?)pubsub.Json["spec"]!["type"]);
    }
}
