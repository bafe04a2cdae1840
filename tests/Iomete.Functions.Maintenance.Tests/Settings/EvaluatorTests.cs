using Iomete.Functions.Maintenance.Detection;
using Iomete.Functions.Maintenance.Runs;
using Iomete.Functions.Maintenance.Settings;

namespace Iomete.Functions.Maintenance.Tests.Settings;

public sealed class EvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static EffectiveSettings Settings(TableMaintenanceOverrides? table = null) =>
        EffectiveSettings.Of(new CatalogMaintenanceSettings { Enabled = true }, table);

    private static TableMetrics Metrics(long small = 0, int manifests = 1, int snapshots = 1, DateTimeOffset? oldest = null) =>
        new(small, small, 0, 0, 0, manifests, snapshots, oldest ?? Now);

    [Fact]
    public void RewriteDataFiles_IsDue_FromTheMinimumNumberOfSmallFiles()
    {
        Assert.False(MaintenanceEvaluator.Due(MaintenanceOperation.RewriteDataFiles, Settings(), Metrics(small: 4), null, null, Now));
        Assert.True(MaintenanceEvaluator.Due(MaintenanceOperation.RewriteDataFiles, Settings(), Metrics(small: 5), null, null, Now));
    }

    [Fact]
    public void ExpireSnapshots_IsDue_OnlyWithSnapshotsBeyondTheRetainedOnesOlderThanTheThreshold()
    {
        Assert.False(MaintenanceEvaluator.Due(MaintenanceOperation.ExpireSnapshots, Settings(), Metrics(snapshots: 1, oldest: Now.AddDays(-30)), null, null, Now));
        Assert.False(MaintenanceEvaluator.Due(MaintenanceOperation.ExpireSnapshots, Settings(), Metrics(snapshots: 9, oldest: Now.AddDays(-4)), null, null, Now));
        Assert.True(MaintenanceEvaluator.Due(MaintenanceOperation.ExpireSnapshots, Settings(), Metrics(snapshots: 9, oldest: Now.AddDays(-6)), null, null, Now));
    }

    [Fact]
    public void RemoveOrphanFiles_IsDue_WhenTheCronFiredSinceTheLastRun()
    {
        var saturday = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
        Assert.True(MaintenanceEvaluator.Due(MaintenanceOperation.RemoveOrphanFiles, Settings(), Metrics(), saturday, null, Now));
        Assert.False(MaintenanceEvaluator.Due(MaintenanceOperation.RemoveOrphanFiles, Settings(), Metrics(), Now.AddHours(-1), null, Now));
        Assert.False(MaintenanceEvaluator.Due(MaintenanceOperation.RemoveOrphanFiles, Settings(), Metrics(), null, Now.AddHours(-2), Now));
    }

    [Fact]
    public void TableOverrides_ForceAnOperationOnOrOff_OnlyUnderTheMasterSwitch()
    {
        var disabledCatalog = new CatalogMaintenanceSettings { Enabled = true, RewriteManifests = new RewriteManifestsConfig { Enabled = false } };
        var forced = new TableMaintenanceOverrides { RewriteManifests = new RewriteManifestsOverride { Mode = OverrideMode.Enabled, MinManifests = 3 } };

        Assert.True(EffectiveSettings.Of(disabledCatalog, forced).Automatic(MaintenanceOperation.RewriteManifests));
        Assert.Equal(3, EffectiveSettings.Of(disabledCatalog, forced).RewriteManifests.MinManifests);
        Assert.False(EffectiveSettings.Of(disabledCatalog with { Enabled = false }, forced).Automatic(MaintenanceOperation.RewriteManifests));
        Assert.False(EffectiveSettings.Of(new CatalogMaintenanceSettings { Enabled = true },
            new TableMaintenanceOverrides { ExpireSnapshots = new ExpireSnapshotsOverride { Mode = OverrideMode.Disabled } }).Automatic(MaintenanceOperation.ExpireSnapshots));
    }
}
