using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Functions.Clusters.Tests.Schemas;

namespace Iomete.Functions.Clusters.Tests.Kubernetes;

/// <summary>Contract tests: Jupyter Deployments and Services validate against the Kubernetes v1.32.2 schemas.</summary>
public sealed class JupyterContractTests
{
    private static readonly JupyterVolume?[] Volumes = [null, JupyterVolume.Claim("jupyter-alice-home"), JupyterVolume.Nfs("nfs.internal", "/exports/alice")];

    [Fact]
    public void Contract_EveryOptionCombination_ValidatesAgainstDeploymentAndServiceSchemas()
    {
        var count = 0;
        foreach (var volume in Volumes)
        foreach (var secrets in new[] { false, true })
        foreach (var extras in new[] { false, true })
        {
            var d = Definitions.Jupyter() with { Volume = volume };
            if (secrets)
                d = d with
                {
                    EnvVars = new Dictionary<string, string> { ["GRANT_SUDO"] = "no" },
                    EnvSecrets = [new SecretEnvVar("AWS_SECRET_ACCESS_KEY", "alice-s3", "secret-key")],
                    Arguments = ["--ServerApp.terminals_enabled=False"],
                };
            if (extras)
                d = d with
                {
                    Owner = new KubernetesOwnerReference("v1", "ConfigMap", "owner", "6f1c2a7e-1b5d-4c1e-9a51-0f3b1d2e4c5a"),
                    ImagePullSecrets = ["iomete-registry"],
                    ServiceAccount = "jupyter",
                    NodeSelector = new Dictionary<string, string> { ["k8s.iomete.com/node-purpose"] = "notebooks" },
                    Tolerations = [new KubernetesToleration("k8s.iomete.com/dedicated", "Exists", Effect: "NoSchedule")],
                    ExtraLabels = new Dictionary<string, string> { ["team"] = "data-science" },
                };
            var manifests = JupyterManifests.Build(d);
            var label = $"volume={volume} secrets={secrets} extras={extras}";
            KubernetesSchemas.AssertValid(KubernetesSchemas.Deployment, manifests.Deployment, label);
            KubernetesSchemas.AssertValid(KubernetesSchemas.Service, manifests.Service, label);
            count++;
        }
        Assert.Equal(12, count);
    }
}
