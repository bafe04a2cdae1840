using Iomete.Engine.Parquet;
using Iomete.Iceberg.Schemas;

namespace Iomete.Engine.Sessions.Mirror;

/// <summary>
/// Applies a <see cref="TableAccess"/> to a table's relation: masked columns are replaced by their mask expression (same
/// name, cast back to the column's type) and the row filter becomes the WHERE clause. The session only ever binds a table
/// name to this wrapped relation, so no statement can reach the unfiltered rows.
/// </summary>
internal static class PolicySql
{
    public static string Wrap(string relationSql, Schema schema, TableAccess access)
    {
        if (!access.IsRestricted)
        {
            return relationSql;
        }
        var columns = schema.Fields.Where(f => !access.HiddenColumns.Contains(f.Name)).Select(f =>
        {
            var name = DuckDbSchema.Quote(f.Name);
            return access.ColumnMasks.TryGetValue(f.Name, out var mask)
                ? $"CAST(({mask}) AS {DuckDbSchema.TypeOf(f.Type)}) AS {name}"
                : $"{name}";
        });
        var where = access.RowFilter is null ? "" : $" WHERE ({access.RowFilter})";
        return $"SELECT {string.Join(", ", columns)} FROM ({relationSql}) AS {DuckDbSchema.Quote("__iomete_policy")}{where}";
    }

    /// <summary>A fingerprint of the access, so a view is redefined when the policy changes.</summary>
    public static string Fingerprint(TableAccess access) =>
        access.RowFilter + "\u0001" + string.Join("\u0002", access.ColumnMasks.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Key + "=" + m.Value))
        + "\u0001" + string.Join("\u0002", access.HiddenColumns.Order(StringComparer.Ordinal));
}
