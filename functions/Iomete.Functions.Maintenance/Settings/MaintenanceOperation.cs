namespace Iomete.Functions.Maintenance.Settings;

/// <summary>The four maintenance operations (JSON: REWRITE_DATA_FILES, REWRITE_MANIFESTS, EXPIRE_SNAPSHOTS, REMOVE_ORPHAN_FILES).</summary>
public enum MaintenanceOperation
{
    RewriteDataFiles,
    RewriteManifests,
    ExpireSnapshots,
    RemoveOrphanFiles,
}

/// <summary>A table's choice for one operation: follow the catalog, or force it on or off.</summary>
public enum OverrideMode
{
    Inherit,
    Enabled,
    Disabled,
}

public static class MaintenanceOperations
{
    public static IReadOnlyList<MaintenanceOperation> All { get; } = Enum.GetValues<MaintenanceOperation>();

    /// <summary>The stored and published name (SNAKE_UPPER, as the JSON API writes it).</summary>
    public static string Name(this MaintenanceOperation operation) => operation switch
    {
        MaintenanceOperation.RewriteDataFiles => "REWRITE_DATA_FILES",
        MaintenanceOperation.RewriteManifests => "REWRITE_MANIFESTS",
        MaintenanceOperation.ExpireSnapshots => "EXPIRE_SNAPSHOTS",
        _ => "REMOVE_ORPHAN_FILES",
    };

    public static MaintenanceOperation? Parse(string? name) =>
        All.Select(o => (MaintenanceOperation?)o).FirstOrDefault(o => string.Equals(o!.Value.Name(), name, StringComparison.OrdinalIgnoreCase));
}
