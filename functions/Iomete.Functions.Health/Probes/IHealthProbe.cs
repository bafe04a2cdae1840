namespace Iomete.Functions.Health.Probes;

/// <summary>One probed component. <see cref="ProbeAsync"/> completes when it answers and throws with the reason when it does not.</summary>
public interface IHealthProbe
{
    /// <summary>The component's name in the API and in <c>HealthStatusChanged</c> (see <see cref="ComponentNames"/>).</summary>
    string Component { get; }

    string DisplayName { get; }

    Task ProbeAsync(CancellationToken ct);
}

/// <summary>The names of the probed components.</summary>
public static class ComponentNames
{
    public const string MetadataDb = "metadata-db";
    public const string ObjectStorage = "object-storage";
    public const string EmbeddedEngine = "embedded-engine";
    public const string Workflows = "workflows";
    public const string FunctionAppPrefix = "function-app:";
    public const string KubernetesApi = "kubernetes-api";
    public const string SparkOperator = "spark-operator";
    public const string DaprSidecar = "dapr-sidecar";

    public static string FunctionApp(string appId) => FunctionAppPrefix + appId;
}
