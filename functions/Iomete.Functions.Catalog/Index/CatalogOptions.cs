using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Catalog.Index;

/// <summary>Settings of the data catalog's index, section <c>Iomete:Catalog</c>.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Iomete:Catalog";

    /// <summary>How often the full sync reconciles the index with the lakehouse (IOMETE's Catalog Sync job: hourly). Zero turns it off.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Deleted entries older than this are removed from the index (IOMETE's <c>STALE_DATA_RETENTION_DAYS</c>).</summary>
    [Range(1, 3650)]
    public int StaleRetentionDays { get; set; } = 14;

    /// <summary>How long a replica serves searches from memory before it asks the database whether another replica changed the index.</summary>
    public TimeSpan SearchRefreshInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
