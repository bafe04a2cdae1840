using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Identity.DataSecurity;

/// <summary>Settings of data security, section <c>Iomete:DataSecurity</c>.</summary>
public sealed class DataSecurityOptions
{
    public const string Section = "Iomete:DataSecurity";

    /// <summary>Data-access audit entries older than this are purged once a day (default 90).</summary>
    [Range(1, 36500)]
    public int AuditRetentionDays { get; set; } = 90;

    /// <summary>How many audit entries may wait for the background writer; more are dropped and counted (default 100,000).</summary>
    [Range(100, 10_000_000)]
    public int AuditQueueCapacity { get; set; } = 100_000;
}
