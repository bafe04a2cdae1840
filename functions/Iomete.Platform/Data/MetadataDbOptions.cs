namespace Iomete.Platform.Data;

/// <summary>Settings of the metadata database, section <c>Iomete:MetadataDb</c>.</summary>
public sealed class MetadataDbOptions
{
    public const string Section = "Iomete:MetadataDb";

    /// <summary><c>Sqlite</c> (default, files under the data dir) or <c>Postgres</c>.</summary>
    public MetadataEngine Engine { get; set; } = MetadataEngine.Sqlite;

    /// <summary>
    /// PostgreSQL server connection string (Npgsql form). Its database, if any, is only used to
    /// create the per-service databases; each service gets <c>{DatabasePrefix}{service}</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Prefix of per-service PostgreSQL databases (IOMETE uses <c>iomete_</c>).</summary>
    public string DatabasePrefix { get; set; } = "iomete_";

    /// <summary>How long SQLite waits for a lock before failing, in milliseconds.</summary>
    public int SqliteBusyTimeoutMs { get; set; } = 10_000;
}
