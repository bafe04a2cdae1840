using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Catalog.Tables;

/// <summary>When the metrics tab warns about storage held by old snapshots (section <c>Iomete:Catalog:Metrics</c>).</summary>
public sealed class CatalogMetricsOptions
{
    public const string Section = "Iomete:Catalog:Metrics";

    /// <summary>The all-snapshot size above which the alert may fire (default 100 GB).</summary>
    [Range(0, long.MaxValue)]
    public long AlertMinTotalBytes { get; set; } = 100_000_000_000;

    /// <summary>The alert fires when live data is below this share of the all-snapshot size (default 0.4).</summary>
    [Range(0.0, 1.0)]
    public double AlertMaxLiveRatio { get; set; } = 0.4;
}
