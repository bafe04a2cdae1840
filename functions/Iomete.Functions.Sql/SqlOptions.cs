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

    /// <summary>How long finished query records stay in the history and in query monitoring (IOMETE keeps 7 days).</summary>
    public TimeSpan QueryRecordRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Rows per Arrow record batch in stored results.</summary>
    [Range(1, 1_000_000)]
    public int ResultBatchRows { get; set; } = 10_000;

    /// <summary>
    /// How often data-access audit records are copied into the system table
    /// <c>spark_catalog.iomete_system_db.data_access_audit</c>; zero turns the copy off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan AuditExportInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Records younger than this wait for the next copy, so late writes of the audit log are not skipped.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan AuditExportLag { get; set; } = TimeSpan.FromSeconds(10);
}
