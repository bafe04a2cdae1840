using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Clusters;

/// <summary>The cluster service's settings, section <c>Iomete:Clusters</c>.</summary>
public sealed class ClustersOptions
{
    public const string Section = "Iomete:Clusters";
    public const string DefaultNamespace = "iomete-system";

    /// <summary>Data-plane namespaces users may deploy clusters, jobs and Jupyter containers into (Helm's <c>namespaces:</c>).</summary>
    public List<string> Namespaces { get; set; } = [];

    /// <summary><see cref="Namespaces"/>, or <see cref="DefaultNamespace"/> when none are configured.</summary>
    public IReadOnlyList<string> AllowedNamespaces => Namespaces.Count > 0 ? Namespaces : [DefaultNamespace];

    /// <summary>The Spark image clusters and jobs use when they name none (IOMETE's <c>docker.defaultSparkVersion</c>).</summary>
    [Required]
    public string DefaultSparkImage { get; set; } = "iomete/spark-py:3.5.5-v1";

    /// <summary>The Spark version the operator is told (<c>spec.sparkVersion</c>).</summary>
    [Required]
    public string SparkVersion { get; set; } = "3.5.5";

    /// <summary>How long a finished Spark job application stays on the data plane before it is deleted.</summary>
    [Range(60, 30 * 24 * 3600)]
    public long FinishedApplicationTtlSeconds { get; set; } = 3600;
}
