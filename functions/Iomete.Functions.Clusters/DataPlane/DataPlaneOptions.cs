using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Clusters.DataPlane;

/// <summary>The Kubernetes data plane Spark work runs on, section <c>Iomete:Kubernetes</c>. Unset = no data plane (embedded only).</summary>
public sealed class DataPlaneOptions
{
    public const string Section = "Iomete:Kubernetes";

    /// <summary>How to reach the API server: <c>in-cluster</c> (the pod's service account), a URL, or empty (no data plane).</summary>
    public string? ApiServer { get; set; }

    /// <summary>Bearer token for a URL API server (a service account token of the control plane).</summary>
    public string? Token { get; set; }

    /// <summary>Skip TLS verification of a URL API server (test clusters only).</summary>
    public bool SkipTlsVerify { get; set; }

    /// <summary>How many create requests may be in flight to the API server at once (the spark-operator submit service's idea).</summary>
    [Range(1, 256)]
    public int SubmitParallelism { get; set; } = 8;

    /// <summary>Submissions waiting beyond this are refused (429) instead of queued without bound.</summary>
    [Range(1, 1_000_000)]
    public int SubmitQueueLimit { get; set; } = 10_000;

    public bool Configured => !string.IsNullOrWhiteSpace(ApiServer);
}
