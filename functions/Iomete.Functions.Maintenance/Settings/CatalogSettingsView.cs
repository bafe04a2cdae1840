using Iomete.Platform.Errors;

namespace Iomete.Functions.Maintenance.Settings;

/// <summary>A catalog's maintenance settings as the API shows them.</summary>
public sealed record CatalogSettingsView(
    string Catalog,
    bool Enabled,
    RewriteDataFilesConfig RewriteDataFiles,
    RewriteManifestsConfig RewriteManifests,
    ExpireSnapshotsConfig ExpireSnapshots,
    RemoveOrphanFilesConfig RemoveOrphanFiles,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt)
{
    public static CatalogSettingsView Of(StoredCatalogSettings stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var s = stored.Settings;
        return new CatalogSettingsView(stored.Catalog, s.Enabled, s.RewriteDataFiles, s.RewriteManifests, s.ExpireSnapshots, s.RemoveOrphanFiles, stored.UpdatedBy, stored.UpdatedAt);
    }
}

/// <summary>A table's overrides and what applies to it after merging them with its catalog's settings.</summary>
public sealed record TableSettingsView(
    string Catalog,
    string Database,
    string Table,
    TableMaintenanceOverrides Overrides,
    EffectiveSettings Effective,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt);

internal static class SettingsValidation
{
    public static void ThrowIfInvalid(Dictionary<string, string[]> problems)
    {
        if (problems.Count > 0)
        {
            throw new ValidationException(
                "Invalid maintenance settings: " + string.Join("; ", problems.Select(p => $"{p.Key} {string.Join(", ", p.Value)}")), problems);
        }
    }
}
