using Cronos;

namespace Iomete.Functions.Maintenance.Settings;

/// <summary>
/// A catalog's maintenance configuration: the master switch and, per operation, whether it runs and its thresholds.
/// Omitted fields take the defaults shown here; a catalog never configured is disabled with these defaults.
/// </summary>
public sealed record CatalogMaintenanceSettings
{
    /// <summary>The master switch: nothing runs automatically in the catalog while false (manual runs still work).</summary>
    public bool Enabled { get; init; }

    public RewriteDataFilesConfig RewriteDataFiles { get; init; } = new();

    public RewriteManifestsConfig RewriteManifests { get; init; } = new();

    public ExpireSnapshotsConfig ExpireSnapshots { get; init; } = new();

    public RemoveOrphanFilesConfig RemoveOrphanFiles { get; init; } = new();

    /// <summary>Every problem of the settings, by field (empty when valid).</summary>
    public Dictionary<string, string[]> Problems()
    {
        var problems = new Dictionary<string, string[]>();
        RewriteDataFilesConfig.Check(problems, "rewriteDataFiles", RewriteDataFiles.MinInputFiles, RewriteDataFiles.TargetFileSizeBytes, RewriteDataFiles.SmallFileSizeBytes);
        RewriteManifestsConfig.Check(problems, "rewriteManifests", RewriteManifests.MinManifests);
        ExpireSnapshotsConfig.Check(problems, "expireSnapshots", ExpireSnapshots.OlderThanDays, ExpireSnapshots.RetainLast);
        RemoveOrphanFilesConfig.Check(problems, "removeOrphanFiles", RemoveOrphanFiles.OlderThanDays, RemoveOrphanFiles.MaxOrphanRatioPercent);
        if (RemoveOrphanFilesConfig.ParseSchedule(RemoveOrphanFiles.Schedule) is null)
        {
            problems["removeOrphanFiles.schedule"] = [$"'{RemoveOrphanFiles.Schedule}' is not a cron expression (5 fields: minute hour day-of-month month day-of-week, e.g. '0 0 * * 7')"];
        }
        return problems;
    }
}

/// <summary>Compaction: bin-pack data files smaller than <see cref="SmallFileSizeBytes"/> into files of about <see cref="TargetFileSizeBytes"/>.</summary>
public sealed record RewriteDataFilesConfig
{
    public const long MiB = 1024 * 1024;

    public bool Enabled { get; init; } = true;

    /// <summary>Runs when at least this many small files exist.</summary>
    public int MinInputFiles { get; init; } = 5;

    public long TargetFileSizeBytes { get; init; } = 128 * MiB;

    /// <summary>Files under this size are rewritten (default 75% of the target, as Iceberg's min-file-size-bytes).</summary>
    public long SmallFileSizeBytes { get; init; } = 96 * MiB;

    internal static void Check(Dictionary<string, string[]> problems, string prefix, int? minInputFiles, long? target, long? small)
    {
        if (minInputFiles is < 2 or > 100_000)
        {
            problems[prefix + ".minInputFiles"] = ["must be from 2 to 100000"];
        }
        if (target is < MiB or > 4096 * MiB)
        {
            problems[prefix + ".targetFileSizeBytes"] = ["must be from 1 MiB (1048576) to 4 GiB (4294967296)"];
        }
        if (small is < 1)
        {
            problems[prefix + ".smallFileSizeBytes"] = ["must be positive"];
        }
        else if (small is not null && target is not null && small > target)
        {
            problems[prefix + ".smallFileSizeBytes"] = ["must not exceed targetFileSizeBytes"];
        }
    }
}

/// <summary>Merge the current snapshot's manifests into fewer once it has at least <see cref="MinManifests"/> data manifests.</summary>
public sealed record RewriteManifestsConfig
{
    public bool Enabled { get; init; } = true;

    public int MinManifests { get; init; } = 10;

    internal static void Check(Dictionary<string, string[]> problems, string prefix, int? minManifests)
    {
        if (minManifests is < 2 or > 100_000)
        {
            problems[prefix + ".minManifests"] = ["must be from 2 to 100000"];
        }
    }
}

/// <summary>Expire snapshots older than <see cref="OlderThanDays"/>, keeping the last <see cref="RetainLast"/> and every one a branch or tag needs.</summary>
public sealed record ExpireSnapshotsConfig
{
    public bool Enabled { get; init; } = true;

    /// <summary>0 expires every snapshot beyond the retained ones regardless of age.</summary>
    public int OlderThanDays { get; init; } = 5;

    public int RetainLast { get; init; } = 1;

    internal static void Check(Dictionary<string, string[]> problems, string prefix, int? olderThanDays, int? retainLast)
    {
        if (olderThanDays is < 0 or > 3650)
        {
            problems[prefix + ".olderThanDays"] = ["must be from 0 to 3650"];
        }
        if (retainLast is < 1 or > 10_000)
        {
            problems[prefix + ".retainLast"] = ["must be from 1 to 10000"];
        }
    }
}

/// <summary>Delete files under the table location that no metadata references, on their own cron, only past a minimum age.</summary>
public sealed record RemoveOrphanFilesConfig
{
    public const int MinOlderThanDays = 3;

    public bool Enabled { get; init; } = true;

    /// <summary>Standard 5-field cron, UTC (default Sundays at midnight).</summary>
    public string Schedule { get; init; } = "0 0 * * 7";

    /// <summary>Only files older than this are deleted (at least 3 days, so files of commits in flight are never touched).</summary>
    public int OlderThanDays { get; init; } = MinOlderThanDays;

    /// <summary>Abort (FAILED) when more than this share of the table's files look orphaned: a sign of a wrong location, not of garbage.</summary>
    public int MaxOrphanRatioPercent { get; init; } = 30;

    internal static void Check(Dictionary<string, string[]> problems, string prefix, int? olderThanDays, int? maxRatio)
    {
        if (olderThanDays is < MinOlderThanDays or > 3650)
        {
            problems[prefix + ".olderThanDays"] = [$"must be from {MinOlderThanDays} to 3650 (files younger than {MinOlderThanDays} days may belong to commits in flight)"];
        }
        if (maxRatio is < 1 or > 100)
        {
            problems[prefix + ".maxOrphanRatioPercent"] = ["must be from 1 to 100"];
        }
    }

    public static CronExpression? ParseSchedule(string? schedule)
    {
        if (string.IsNullOrWhiteSpace(schedule))
        {
            return null;
        }
        try
        {
            return CronExpression.Parse(schedule, CronFormat.Standard);
        }
        catch (CronFormatException)
        {
            return null;
        }
    }
}
