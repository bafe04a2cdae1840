namespace Iomete.Functions.Clusters.Kubernetes;

/// <summary>
/// A node type as IOMETE's admins define it (iomete-features.md §2.3): the CPU in millicores and the memory in MiB
/// that one driver or executor pod may use.
/// </summary>
public sealed record NodeType(string Name, int CpuMillicores, int MemoryMiB);

/// <summary>Which Spark process a pod runs.</summary>
public enum SparkRole
{
    Driver,
    Executor,
}

/// <summary>The application types the spark-operator knows that IOMETE offers (R is not offered).</summary>
public enum SparkApplicationType
{
    Java,
    Scala,
    Python,
}

/// <summary>Kubernetes image pull policies.</summary>
public enum ImagePullPolicy
{
    IfNotPresent,
    Always,
    Never,
}
