using System.Globalization;
using Iomete.Engine.Catalogs;
using Iomete.Engine.Parquet;
using Iomete.Engine.Sessions.Statements;
using Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Sessions.Ddl;

/// <summary>DESCRIBE table (columns; EXTENDED adds the table's details), DESCRIBE HISTORY table (snapshots), DESCRIBE query.</summary>
internal static class DescribeStatements
{
    public static async Task<StatementResult> RunAsync(StatementContext context, DescribeStatement statement, CancellationToken ct)
    {
        if (statement.QuerySpan is { } query)
        {
            var sql = await context.RewriteQueryAsync(query, null, ct);
            await context.SendRowsAsync($"SELECT column_name AS col_name, column_type AS data_type, \"null\" AS nullable FROM (DESCRIBE ({sql}))", ct);
            return new StatementResult(StatementKind.Describe, null, null);
        }
        var ident = context.Qualify(statement.Table!);
        var table = await context.Mirror.LoadTableAsync(ident, ct);
        if (table is null)
        {
            var view = await context.Catalog.LoadViewAsync(ident, ct) ?? throw new SqlObjectNotFoundException($"Table or view '{ident}' does not exist");
            await Rows.SendAsync(context, ["col_name", "data_type", "comment"],
                view.Metadata.CurrentSchema.Fields.Select(f => new object?[] { f.Name, DuckDbSchema.TypeOf(f.Type), f.Doc }), ct);
            return new StatementResult(StatementKind.Describe, null, null);
        }
        if (statement.History)
        {
            await SendHistoryAsync(context, table, ct);
        }
        else if (statement.Extended)
        {
            var m = table.Metadata;
            var rows = VisibleFields(table).Select(f => new object?[] { f.Name, DuckDbSchema.TypeOf(f.Type), f.Doc }).ToList();
            rows.Add(["", "", null]);
            rows.Add(["# Detailed Table Information", "", null]);
            rows.Add(["Name", ident.ToString(), null]);
            rows.Add(["Type", "ICEBERG", null]);
            rows.Add(["Location", m.Location, null]);
            rows.Add(["Format version", m.FormatVersion.ToString(CultureInfo.InvariantCulture), null]);
            rows.Add(["Current snapshot", m.CurrentSnapshotId?.ToString(CultureInfo.InvariantCulture) ?? "", null]);
            rows.Add(["Partitioning", string.Join(", ", m.DefaultSpec.Fields.Select(f => $"{f.Name}: {f.Transform}")), null]);
            rows.Add(["Metadata location", table.MetadataLocation, null]);
            rows.Add(["Table properties", string.Join(", ", m.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")), null]);
            await Rows.SendAsync(context, ["col_name", "data_type", "comment"], rows, ct);
        }
        else
        {
            await SendColumnsAsync(context, table, ct);
        }
        return new StatementResult(StatementKind.Describe, null, null);
    }

    public static Task SendColumnsAsync(StatementContext context, CatalogTable table, CancellationToken ct) =>
        Rows.SendAsync(context, ["col_name", "data_type", "comment"],
            VisibleFields(table).Select(f => new object?[] { f.Name, DuckDbSchema.TypeOf(f.Type), f.Doc }), ct);

    /// <summary>The columns the caller may see: those a data-security policy denies are not shown.</summary>
    private static IEnumerable<Iceberg.Types.NestedField> VisibleFields(CatalogTable table) =>
        table.Metadata.CurrentSchema.Fields.Where(f => table.DataPolicy?.DeniedColumns.Contains(f.Name) != true);

    /// <summary>The snapshots of the table, newest first: id, parent, time, operation, whether it is an ancestor of the current one, and the summary.</summary>
    public static Task SendHistoryAsync(StatementContext context, CatalogTable table, CancellationToken ct)
    {
        var m = table.Metadata;
        var ancestors = new HashSet<long>();
        for (var s = m.CurrentSnapshot; s is not null; s = s.ParentSnapshotId is { } p ? m.SnapshotById(p) : null)
        {
            ancestors.Add(s.SnapshotId);
        }
        var rows = m.Snapshots.OrderByDescending(s => s.TimestampMs).Select(s => new object?[]
        {
            s.SnapshotId.ToString(CultureInfo.InvariantCulture),
            s.ParentSnapshotId?.ToString(CultureInfo.InvariantCulture),
            DateTimeOffset.FromUnixTimeMilliseconds(s.TimestampMs).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
            s.Summary.TryGetValue("operation", out var op) ? op : null,
            ancestors.Contains(s.SnapshotId),
            string.Join(", ", s.Summary.Where(kv => kv.Key != "operation").OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")),
        });
        return Rows.SendAsync(context, ["snapshot_id", "parent_id", "committed_at", "operation", "is_current_ancestor", "summary"], rows, ct);
    }
}
