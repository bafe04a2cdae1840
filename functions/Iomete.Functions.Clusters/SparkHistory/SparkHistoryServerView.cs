using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Kubernetes;

namespace Iomete.Functions.Clusters.SparkHistory;

/// <summary>The Spark History Server on the data plane: whether it is there and ready, and what it reads.</summary>
public sealed record SparkHistoryServerView(
    bool Deployed,
    bool Ready,
    string Namespace,
    string Name,
    string? LogDirectory,
    string? FailureMessage,
    string ProxyPath)
{
    public static SparkHistoryServerView From(SparkHistoryLocation location, DeploymentState? state) => new(
        state is not null, state?.Ready ?? false, location.Namespace, HistoryServerDefinition.DefaultName, location.EventLogDirectory,
        state?.FailureMessage, SparkUiPaths.History + "/");
}
