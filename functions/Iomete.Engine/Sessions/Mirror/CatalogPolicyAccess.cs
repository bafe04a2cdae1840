using Iomete.DataSecurity.Decisions;
using Iomete.Engine.Parquet;
using Iomete.Iceberg.Schemas;

namespace Iomete.Engine.Sessions.Mirror;

/// <summary>
/// Joins what the catalog says the caller may see of a table (<see cref="DataPolicyConfig"/>, from LoadTable) with the
/// session's own <see cref="ITablePolicy"/>: filters are AND-ed, masks rendered for DuckDB, denied columns hidden.
/// </summary>
internal static class CatalogPolicyAccess
{
    public static TableAccess Combine(TableAccess session, DataPolicyConfig? catalog, Schema schema)
    {
        if (catalog is null || !session.Allowed)
        {
            return session;
        }
        if (!catalog.Readable)
        {
            return TableAccess.Denied with { Reason = catalog.Reason };
        }
        var masks = new Dictionary<string, string>(session.ColumnMasks, StringComparer.Ordinal);
        foreach (var (column, mask) in catalog.Masks)
        {
            if (schema.Fields.FirstOrDefault(f => f.Name == column) is { } field)
            {
                masks[column] = EngineMasks.Render(mask, DuckDbSchema.Quote(column), field.Type);
            }
        }
        var hidden = new HashSet<string>(session.HiddenColumns, StringComparer.Ordinal);
        hidden.UnionWith(catalog.DeniedColumns);
        if (schema.Fields.All(f => hidden.Contains(f.Name)))
        {
            return TableAccess.Denied with { Reason = "no column of the table may be selected" };
        }
        var filter = (session.RowFilter, catalog.RowFilter) switch
        {
            (null, var c) => c,
            (var s, null) => s,
            var (s, c) => $"({s}) AND ({c})",
        };
        return new TableAccess(true, filter, masks) { HiddenColumns = hidden };
    }
}
