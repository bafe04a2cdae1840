using Iomete.Functions.Maintenance.Runs;
using Iomete.Functions.Maintenance.Settings;

namespace Iomete.Functions.Maintenance.Detection;

/// <summary>Decides whether an operation is due on a measured table (the cooldown and active runs are checked before).</summary>
public static class MaintenanceEvaluator
{
    /// <param name="lastRunAt">When the operation last started on the table (null: never).</param>
    /// <param name="configuredAt">When the catalog's settings were last saved: the orphan cron counts from there on a table never cleaned.</param>
    public static bool Due(
        MaintenanceOperation operation, EffectiveSettings settings, TableMetrics metrics, DateTimeOffset? lastRunAt, DateTimeOffset? configuredAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(metrics);
        switch (operation)
        {
            case MaintenanceOperation.RewriteDataFiles:
                return metrics.SmallFiles >= settings.RewriteDataFiles.MinInputFiles;
            case MaintenanceOperation.RewriteManifests:
                return metrics.Manifests >= settings.RewriteManifests.MinManifests;
            case MaintenanceOperation.ExpireSnapshots:
                return metrics.Snapshots > settings.ExpireSnapshots.RetainLast
                    && metrics.OldestSnapshotAt is { } oldest
                    && oldest < now.AddDays(-settings.ExpireSnapshots.OlderThanDays);
            default:
                var cron = RemoveOrphanFilesConfig.ParseSchedule(settings.RemoveOrphanFiles.Schedule);
                var from = lastRunAt ?? configuredAt ?? now;
                return cron?.GetNextOccurrence(from.UtcDateTime) is { } next && next <= now.UtcDateTime;
        }
    }
}
