using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.DataPlane;

/// <summary>Spark work asked of a platform without a Kubernetes data plane: a 409 that says what to configure.</summary>
public sealed class DataPlaneNotConfiguredException() : ApiException(409, "DATA_PLANE_NOT_CONFIGURED", "No Kubernetes data plane",
    $"Spark clusters and Spark jobs run on Kubernetes: set {DataPlaneOptions.Section}:ApiServer ('in-cluster' or the API server URL, "
    + $"with {DataPlaneOptions.Section}:Token) and install the spark-operator. SQL runs on the compute 'local' without it.");
