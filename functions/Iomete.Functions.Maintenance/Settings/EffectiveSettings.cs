namespace Iomete.Functions.Maintenance.Settings;

/// <summary>
/// What applies to one table: the catalog's settings with the table's overrides on top. An operation runs automatically
/// when the catalog's master switch is on and the table says ENABLED, or INHERIT and the catalog enables it.
/// </summary>
public sealed record EffectiveSettings(
    bool CatalogEnabled,
    RewriteDataFilesConfig RewriteDataFiles,
    RewriteManifestsConfig RewriteManifests,
    ExpireSnapshotsConfig ExpireSnapshots,
    RemoveOrphanFilesConfig RemoveOrphanFiles)
{
    public static EffectiveSettings Of(CatalogMaintenanceSettings catalog, TableMaintenanceOverrides? table)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        table ??= new TableMaintenanceOverrides();
        var rewrite = catalog.RewriteDataFiles with
        {
            Enabled = On(table.RewriteDataFiles.Mode, catalog.RewriteDataFiles.Enabled),
            MinInputFiles = table.RewriteDataFiles.MinInputFiles ?? catalog.RewriteDataFiles.MinInputFiles,
            TargetFileSizeBytes = table.RewriteDataFiles.TargetFileSizeBytes ?? catalog.RewriteDataFiles.TargetFileSizeBytes,
            SmallFileSizeBytes = table.RewriteDataFiles.SmallFileSizeBytes ?? catalog.RewriteDataFiles.SmallFileSizeBytes,
        };
        if (rewrite.SmallFileSizeBytes > rewrite.TargetFileSizeBytes)
        {
            rewrite = rewrite with { SmallFileSizeBytes = rewrite.TargetFileSizeBytes };
        }
        return new EffectiveSettings(
            catalog.Enabled,
            rewrite,
            catalog.RewriteManifests with
            {
                Enabled = On(table.RewriteManifests.Mode, catalog.RewriteManifests.Enabled),
                MinManifests = table.RewriteManifests.MinManifests ?? catalog.RewriteManifests.MinManifests,
            },
            catalog.ExpireSnapshots with
            {
                Enabled = On(table.ExpireSnapshots.Mode, catalog.ExpireSnapshots.Enabled),
                OlderThanDays = table.ExpireSnapshots.OlderThanDays ?? catalog.ExpireSnapshots.OlderThanDays,
                RetainLast = table.ExpireSnapshots.RetainLast ?? catalog.ExpireSnapshots.RetainLast,
            },
            catalog.RemoveOrphanFiles with
            {
                Enabled = On(table.RemoveOrphanFiles.Mode, catalog.RemoveOrphanFiles.Enabled),
                OlderThanDays = table.RemoveOrphanFiles.OlderThanDays ?? catalog.RemoveOrphanFiles.OlderThanDays,
                MaxOrphanRatioPercent = table.RemoveOrphanFiles.MaxOrphanRatioPercent ?? catalog.RemoveOrphanFiles.MaxOrphanRatioPercent,
            });
    }

    /// <summary>True when the operation runs automatically for the table.</summary>
    public bool Automatic(MaintenanceOperation operation) => CatalogEnabled && operation switch
    {
        MaintenanceOperation.RewriteDataFiles => RewriteDataFiles.Enabled,
        MaintenanceOperation.RewriteManifests => RewriteManifests.Enabled,
        MaintenanceOperation.ExpireSnapshots => ExpireSnapshots.Enabled,
        _ => RemoveOrphanFiles.Enabled,
    };

    private static bool On(OverrideMode mode, bool inherited) => mode switch
    {
        OverrideMode.Enabled => true,
        OverrideMode.Disabled => false,
        _ => inherited,
    };
}
