using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.Tests.Kubernetes;

public sealed class DriverServiceAndJupyterTests
{
    [Fact]
    public void DriverService_SelectsLabelsTheDriverPodCarries()
    {
        var definition = Definitions.Compute();
        var service = DriverServiceBuilder.Build(definition);
        var driverLabels = SparkApplicationBuilder.Build(definition)["spec"]!["driver"]!["labels"]!.AsObject();
        Assert.Equal("cc-analytics-endpoints", (string?)service["metadata"]!["name"]);
        foreach (var (key, value) in service["spec"]!["selector"]!.AsObject())
        {
            if (key == ManifestLabels.SparkRole)
                Assert.Equal("driver", (string?)value); // set by Spark on the driver pod
            else
                Assert.Equal((string?)value, (string?)driverLabels[key]);
        }
        var ports = service["spec"]!["ports"]!.AsArray().Select(p => ((int)p!["port"]!, (string?)p["targetPort"])).ToArray();
        Assert.Equal([(10000, "hiveserver2"), (15002, "spark-connect"), (33333, "arrow-flight")], ports);
    }

    [Fact]
    public void DriverService_ForASparkJob_IsAValidationError() =>
        Assert.Throws<ValidationException>(() => DriverServiceBuilder.Build(Definitions.Job()));

    [Fact]
    public void Jupyter_ContainerHasPortResourcesPlatformArgsAndTokenFromSecret()
    {
        var set = JupyterManifests.Build(Definitions.Jupyter() with { Arguments = ["--ServerApp.terminals_enabled=False"] });
        var pod = set.Deployment["spec"]!["template"]!["spec"]!;
        var container = pod["containers"]![0]!;
        Assert.Equal(8888, (int)container["ports"]![0]!["containerPort"]!);
        Assert.Equal("2000m", (string?)container["resources"]!["limits"]!["cpu"]);
        Assert.Equal("16384Mi", (string?)container["resources"]!["requests"]!["memory"]);
        Assert.Equal("Always", (string?)container["imagePullPolicy"]);
        var args = container["args"]!.AsArray().Select(a => (string?)a).ToList();
        Assert.Contains("--ServerApp.base_url=/jupyter/finance/jupyter-alice/", args);
        Assert.Contains("--IdentityProvider.token=$(JUPYTER_TOKEN)", args);
        Assert.Equal("--ServerApp.terminals_enabled=False", args[^1]);
        var env = container["env"]!.AsArray();
        Assert.Equal("true", (string?)env.Single(e => (string?)e!["name"] == "JUPYTER_ENABLE_LAB")!["value"]);
        Assert.Equal("yes", (string?)env.Single(e => (string?)e!["name"] == "RESTARTABLE")!["value"]);
        Assert.Equal("jupyter-alice-token", (string?)env.Single(e => (string?)e!["name"] == "JUPYTER_TOKEN")!["valueFrom"]!["secretKeyRef"]!["name"]);
        Assert.Equal("jupyter", (string?)set.Service["metadata"]!["labels"]!["iomete.com/resource-type"]);
        Assert.Equal(8888, (int)set.Service["spec"]!["ports"]![0]!["port"]!);
    }

    [Fact]
    public void Jupyter_ServiceSelectorMatchesThePodTemplateLabels()
    {
        var set = JupyterManifests.Build(Definitions.Jupyter());
        var podLabels = set.Deployment["spec"]!["template"]!["metadata"]!["labels"]!;
        var matchLabels = set.Deployment["spec"]!["selector"]!["matchLabels"]!.AsObject();
        foreach (var selector in new[] { set.Service["spec"]!["selector"]!.AsObject(), matchLabels })
        foreach (var (key, value) in selector)
            Assert.Equal((string?)value, (string?)podLabels[key]);
    }

    [Fact]
    public void Jupyter_VolumeIsMountedAtHomeJovyan()
    {
        var set = JupyterManifests.Build(Definitions.Jupyter() with { Volume = JupyterVolume.Claim("alice-home") });
        var pod = set.Deployment["spec"]!["template"]!["spec"]!;
        Assert.Equal("alice-home", (string?)pod["volumes"]![0]!["persistentVolumeClaim"]!["claimName"]);
        Assert.Equal("/home/jovyan", (string?)pod["containers"]![0]!["volumeMounts"]![0]!["mountPath"]);
    }

    [Theory]
    [InlineData("baseUrl")]
    [InlineData("platformEnv")]
    [InlineData("name")]
    [InlineData("nfs")]
    public void Jupyter_InvalidDefinition_IsAValidationError(string what)
    {
        var d = what switch
        {
            "baseUrl" => Definitions.Jupyter() with { BaseUrl = "jupyter/x" },
            "platformEnv" => Definitions.Jupyter() with { EnvVars = new Dictionary<string, string> { ["JUPYTER_TOKEN"] = "plain" } },
            "name" => Definitions.Jupyter() with { Name = "Jupyter" },
            _ => Definitions.Jupyter() with { Volume = new JupyterVolume(null, "nfs.internal") },
        };
        Assert.Throws<ValidationException>(() => JupyterManifests.Build(d));
    }
}
