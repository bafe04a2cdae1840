using Iomete.Engine.Catalogs;
using Iomete.Engine.Sessions.Statements;
using Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Sessions.Ddl;

/// <summary>
/// CREATE [OR REPLACE] VIEW: the query is checked and resolved now (so a broken view is refused), its columns come from
/// DuckDB, and the view is stored in the catalog as an Iceberg view with the SQL as written (dialect <c>duckdb</c>) and
/// the current catalog and database as its defaults.
/// </summary>
internal static class CreateViewStatements
{
    public const string Dialect = "duckdb";

    public static async Task<StatementResult> RunAsync(StatementContext context, CreateViewStatement statement, CancellationToken ct)
    {
        var ident = context.Qualify(statement.Name);
        var text = (statement.WithPrefix is { } w ? context.Cut(w) + " " : "") + context.Cut(statement.QuerySpan);
        var rewritten = await context.RewriteQueryAsync(statement.QuerySpan, statement.WithPrefix, ct);
        var columns = await ColumnTypes.OfRelationAsync(context, $"({rewritten})", ct);
        if (statement.ColumnAliases.Count > 0)
        {
            if (statement.ColumnAliases.Count != columns.Count)
            {
                throw new SqlInvalidException($"The view names {statement.ColumnAliases.Count} columns but its query returns {columns.Count}");
            }
            columns = [.. columns.Select((c, i) => c with { Name = statement.ColumnAliases[i] })];
            text = $"SELECT * FROM ({text}) AS {Parquet.DuckDbSchema.Quote(ident.Name)}({string.Join(", ", statement.ColumnAliases.Select(Parquet.DuckDbSchema.Quote))})";
        }
        var schema = ColumnTypes.ToSchema(columns);
        var properties = new Dictionary<string, string>(statement.Properties, StringComparer.Ordinal);
        if (statement.Comment is { } comment)
        {
            properties["comment"] = comment;
        }
        if (await context.Catalog.LoadViewAsync(ident, ct) is not null && !statement.OrReplace)
        {
            return statement.IfNotExists
                ? new StatementResult(StatementKind.CreateView, null, $"View {ident} already exists")
                : throw new SqlInvalidException($"View '{ident}' already exists (use CREATE OR REPLACE VIEW)");
        }
        try
        {
            await context.Catalog.CreateViewAsync(ident, new NewView(text, Dialect, schema, context.Names.Catalog, context.Names.Database, properties), statement.OrReplace, ct);
        }
        catch (CatalogAlreadyExistsException e)
        {
            throw new SqlInvalidException($"A table or view named '{ident}' already exists", e);
        }
        await context.Mirror.ForgetAsync(ident, ct);
        return new StatementResult(StatementKind.CreateView, null, $"Created view {ident}");
    }
}
