namespace Iomete.Functions.Maintenance.Settings;

/// <summary>A table's overrides: per operation INHERIT (the catalog decides), ENABLED or DISABLED, and thresholds (null = the catalog's).</summary>
public sealed record TableMaintenanceOverrides
{
    public RewriteDataFilesOverride RewriteDataFiles { get; init; } = new();

    public RewriteManifestsOverride RewriteManifests { get; init; } = new();

    public ExpireSnapshotsOverride ExpireSnapshots { get; init; } = new();

    public RemoveOrphanFilesOverride RemoveOrphanFiles { get; init; } = new();

    public Dictionary<string, string[]> Problems()
    {
        var problems = new Dictionary<string, string[]>();
        RewriteDataFilesConfig.Check(problems, "rewriteDataFiles", RewriteDataFiles.MinInputFiles, RewriteDataFiles.TargetFileSizeBytes, RewriteDataFiles.SmallFileSizeBytes);
        RewriteManifestsConfig.Check(problems, "rewriteManifests", RewriteManifests.MinManifests);
        ExpireSnapshotsConfig.Check(problems, "expireSnapshots", ExpireSnapshots.OlderThanDays, ExpireSnapshots.RetainLast);
        RemoveOrphanFilesConfig.Check(problems, "removeOrphanFiles", RemoveOrphanFiles.OlderThanDays, RemoveOrphanFiles.MaxOrphanRatioPercent);
        return problems;
    }
}

public sealed record RewriteDataFilesOverride
{
    public OverrideMode Mode { get; init; } = OverrideMode.Inherit;

    public int? MinInputFiles { get; init; }

    public long? TargetFileSizeBytes { get; init; }

    public long? SmallFileSizeBytes { get; init; }
}

public sealed record RewriteManifestsOverride
{
    public OverrideMode Mode { get; init; } = OverrideMode.Inherit;

    public int? MinManifests { get; init; }
}

public sealed record ExpireSnapshotsOverride
{
    public OverrideMode Mode { get; init; } = OverrideMode.Inherit;

    public int? OlderThanDays { get; init; }

    public int? RetainLast { get; init; }
}

public sealed record RemoveOrphanFilesOverride
{
    public OverrideMode Mode { get; init; } = OverrideMode.Inherit;

    public int? OlderThanDays { get; init; }

    public int? MaxOrphanRatioPercent { get; init; }
}
