using System.IO.Enumeration;
using System.Globalization;
using Iomete.Engine.Catalogs;
using Iomete.Engine.Parquet;
using Iomete.Engine.Sessions.Statements;
using Iomete.Engine.Sql.Syntax;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Types;

namespace Iomete.Engine.Sessions.Ddl;

/// <summary>SHOW CATALOGS / DATABASES / TABLES / VIEWS / COLUMNS / CREATE TABLE / TBLPROPERTIES / SNAPSHOTS, answered from the catalog.</summary>
internal static class ShowStatements
{
    public static async Task<StatementResult> RunAsync(StatementContext context, ShowStatement statement, CancellationToken ct)
    {
        var catalog = context.Catalog;
        switch (statement.Kind)
        {
            case ShowKind.Catalogs:
                var catalogs = await catalog.ListCatalogsAsync(ct);
                await Rows.SendAsync(context, ["catalog"], Like(catalogs, statement.Like).Select(c => new object?[] { c }), ct);
                break;
            case ShowKind.Databases:
                var inCatalog = statement.Target?.Parts[0] ?? context.Names.RequireCatalog();
                var databases = await catalog.ListDatabasesAsync(inCatalog, ct);
                await Rows.SendAsync(context, ["namespace"], Like(databases, statement.Like).Select(d => new object?[] { d }), ct);
                break;
            case ShowKind.Tables or ShowKind.Views:
                var (cat, db) = statement.Target is { } target
                    ? context.Names.QualifyDatabase(target.Parts)
                    : (context.Names.RequireCatalog(), context.Names.Database ?? throw new SqlInvalidException("No current database: SHOW TABLES IN <database> or USE <database>"));
                var names = statement.Kind == ShowKind.Tables ? await catalog.ListTablesAsync(cat, db, ct) : await catalog.ListViewsAsync(cat, db, ct);
                await Rows.SendAsync(context, ["namespace", statement.Kind == ShowKind.Tables ? "tableName" : "viewName"],
                    Like(names, statement.Like).Select(n => new object?[] { db, n }), ct);
                break;
            case ShowKind.Columns:
                await DescribeStatements.SendColumnsAsync(context, await LoadAsync(context, statement.Target!, ct), ct);
                break;
            case ShowKind.TblProperties:
                var table = await LoadAsync(context, statement.Target!, ct);
                await Rows.SendAsync(context, ["key", "value"],
                    table.Metadata.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new object?[] { p.Key, p.Value }), ct);
                break;
            case ShowKind.Snapshots:
                var history = await LoadAsync(context, statement.Target!, ct);
                await DescribeStatements.SendHistoryAsync(context, history, ct);
                break;
            case ShowKind.CreateTable:
                var created = await LoadAsync(context, statement.Target!, ct);
                await Rows.SendAsync(context, ["createtab_stmt"], [[CreateText(created)]], ct);
                break;
        }
        return new StatementResult(StatementKind.Show, null, null);
    }

    public static async Task<CatalogTable> LoadAsync(StatementContext context, QualifiedName name, CancellationToken ct)
    {
        var ident = context.Qualify(name);
        return await context.Mirror.LoadTableAsync(ident, ct) ?? throw new SqlObjectNotFoundException($"Table '{ident}' does not exist");
    }

    private static IEnumerable<string> Like(IEnumerable<string> names, string? pattern)
    {
        if (pattern is null)
        {
            return names.Order(StringComparer.Ordinal);
        }
        // Spark's SHOW … LIKE: '*' matches any characters and '|' separates alternatives.
        var alternatives = pattern.Split('|').Select(p => p.Trim()).ToList();
        return names.Where(n => alternatives.Any(a => FileSystemName.MatchesSimpleExpression(a, n, ignoreCase: true))).Order(StringComparer.Ordinal);
    }

    private static string CreateText(CatalogTable table)
    {
        var metadata = table.Metadata;
        var columns = string.Join(",\n", metadata.CurrentSchema.Fields.Where(f => table.DataPolicy?.DeniedColumns.Contains(f.Name) != true).Select(f =>
            $"  {DuckDbSchema.Quote(f.Name)} {DuckDbSchema.TypeOf(f.Type)}{(f.Required ? " NOT NULL" : "")}"));
        var spec = metadata.DefaultSpec.Fields.Count == 0 ? "" :
            "\nPARTITIONED BY (" + string.Join(", ", metadata.DefaultSpec.Fields.Select(f =>
            {
                var column = DuckDbSchema.Quote(metadata.CurrentSchema.FindColumnName(f.SourceId) ?? "?");
                return f.Transform switch
                {
                    Iceberg.Partitioning.IdentityTransform => column,
                    Iceberg.Partitioning.BucketTransform b => string.Create(CultureInfo.InvariantCulture, $"bucket({b.NumBuckets}, {column})"),
                    Iceberg.Partitioning.TruncateTransform t => string.Create(CultureInfo.InvariantCulture, $"truncate({t.Width}, {column})"),
                    _ => $"{f.Transform}({column})",
                };
            })) + ")";
        var properties = metadata.Properties.Count == 0 ? "" :
            "\nWITH (" + string.Join(", ", metadata.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{DuckDbSchema.Quote(p.Key)} = {DuckDbSchema.Literal(p.Value)}")) + ")";
        return $"CREATE TABLE {DuckDbSchema.Quote(table.Ident.Catalog)}.{DuckDbSchema.Quote(table.Ident.Database)}.{DuckDbSchema.Quote(table.Ident.Name)} (\n{columns}){spec}{properties}";
    }
}
