using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Sql;

/// <summary>Settings of the SQL service, section <c>Iomete:Sql</c>.</summary>
public sealed class SqlOptions
{
    public const string Section = "Iomete:Sql";

    /// <summary>Queries that run at the same time in this process; more wait in SUBMITTED.</summary>
    [Range(1, 256)]
    public int MaxConcurrentQueries { get; set; } = 4;

    /// <summary>How long stored results stay readable before they expire (RESULT_EXPIRED).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "365.00:00:00")]
    public TimeSpan ResultTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Rows per Arrow record batch in stored results.</summary>
    [Range(1, 1_000_000)]
    public int ResultBatchRows { get; set; } = 10_000;
}
