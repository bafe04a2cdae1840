using Iomete.Engine.Catalogs;
using Iomete.Functions.Maintenance.Operations;
using Iomete.Functions.Maintenance.Runs;
using Iomete.Functions.Maintenance.Settings;

namespace Iomete.Functions.Maintenance.Execution;

/// <summary>What one run did: its summary and the table before and after.</summary>
public sealed record OperationOutcome(string Summary, TableMetrics Before, TableMetrics After);

/// <summary>Runs one operation on one table with the settings that apply to it, measuring the table before and after.</summary>
public sealed class OperationRunner(
    SettingsStore settings, PlatformCatalog platform, TableMeasurer measurer, DataFileCompactor compactor, SnapshotMaintenance snapshots, OrphanFileCleaner orphans)
{
    /// <summary>Manual runs combine any two small files; automatic ones wait for the configured minimum.</summary>
    private const int ManualMinInputFiles = 2;

    public async Task<OperationOutcome> RunAsync(MaintenanceRun run, Func<TableMetrics, Task> started, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(started);
        var ident = new TableIdent(run.Catalog, run.Database, run.Table);
        var effective = await settings.EffectiveAsync(run.Catalog, run.Database, run.Table, ct);
        var small = effective.RewriteDataFiles.SmallFileSizeBytes;
        var before = await measurer.MeasureAsync((await platform.LoadAsync(ident, ct)).Metadata, small, ct);
        await started(before);
        var summary = run.Operation switch
        {
            MaintenanceOperation.RewriteDataFiles => await compactor.RunAsync(ident, effective.RewriteDataFiles,
                run.Trigger == MaintenanceTrigger.Manual ? ManualMinInputFiles : effective.RewriteDataFiles.MinInputFiles, ct),
            MaintenanceOperation.RewriteManifests => await snapshots.RewriteManifestsAsync(ident, ct),
            MaintenanceOperation.ExpireSnapshots => await snapshots.ExpireAsync(ident, effective.ExpireSnapshots, ct),
            _ => await orphans.RunAsync(ident, effective.RemoveOrphanFiles, ct),
        };
        var after = await measurer.MeasureAsync((await platform.LoadAsync(ident, ct)).Metadata, small, ct);
        return new OperationOutcome(summary, before, after);
    }
}
