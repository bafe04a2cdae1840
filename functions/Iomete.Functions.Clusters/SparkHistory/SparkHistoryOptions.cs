using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Clusters.SparkHistory;

/// <summary>The Spark History Server and the Spark UI proxies, keys of section <c>Iomete:Clusters</c> (beside <see cref="ClustersOptions"/>).</summary>
public sealed class SparkHistoryOptions
{
    public const string Section = ClustersOptions.Section;

    /// <summary>
    /// Where the proxy finds the history server's UI. Default: the Service <c>PUT /api/v1/admin/spark-history-server</c>
    /// deploys, <c>http://iomete-spark-history.{first namespace}.svc.cluster.local:18080</c> (only with a data plane).
    /// </summary>
    public string? SparkHistoryUrl { get; set; }

    /// <summary>The image the history server runs (any Apache Spark image with the hadoop-aws jars).</summary>
    [Required]
    public string SparkHistoryImage { get; set; } = "apache/spark:3.5.5";

    /// <summary>The event-log folder; default <c>s3a://{Iomete:Storage:S3:Bucket}/{prefix/}iomete-assets/spark-history/</c>.</summary>
    public string? SparkEventLogDirectory { get; set; }

    /// <summary>The port of a driver's Spark UI (Spark's <c>spark.ui.port</c>).</summary>
    [Range(1, 65535)]
    public int SparkUiDriverPort { get; set; } = Kubernetes.SparkUiPaths.DriverUiPort;

    /// <summary>How long a proxied request may take.</summary>
    [Range(1, 600)]
    public int SparkUiProxyTimeoutSeconds { get; set; } = 60;
}
