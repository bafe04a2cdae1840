using k8s;
using k8s.Autorest;

namespace Iomete.Functions.Health.Probes;

/// <summary>The Kubernetes API server answers <c>/version</c>.</summary>
internal sealed class KubernetesApiProbe(Func<IKubernetes> kubernetes) : IHealthProbe
{
    public string Component => ComponentNames.KubernetesApi;

    public string DisplayName => "Kubernetes API";

    public async Task ProbeAsync(CancellationToken ct)
    {
        var version = await kubernetes().Version.GetCodeAsync(ct);
        if (string.IsNullOrEmpty(version?.GitVersion))
        {
            throw new HealthProbeException("The Kubernetes API server answered /version without a version.");
        }
    }
}

/// <summary>The spark-operator is installed: its CRD <c>sparkapplications.sparkoperator.k8s.io</c> is present.</summary>
internal sealed class SparkOperatorProbe(Func<IKubernetes> kubernetes) : IHealthProbe
{
    public const string Crd = "sparkapplications.sparkoperator.k8s.io";

    public string Component => ComponentNames.SparkOperator;

    public string DisplayName => "Spark operator";

    public async Task ProbeAsync(CancellationToken ct)
    {
        try
        {
            await kubernetes().ApiextensionsV1.ReadCustomResourceDefinitionAsync(Crd, cancellationToken: ct);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new HealthProbeException($"The CRD {Crd} is not installed: the spark-operator is missing.", ex);
        }
    }
}
