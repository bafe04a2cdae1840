using System.Globalization;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Iomete.Engine.Catalogs;
using Iomete.Engine.Sessions.Mirror;

namespace Iomete.Engine.Sessions.Queries;

/// <summary>
/// Makes a query safe and catalog-aware with DuckDB's own parser: every table reference is resolved (current catalog
/// and database, Spark's rules), defined in the session mirror (through the policy) and rewritten to its mirror name
/// (time travel to a per-snapshot view), CTE names stay as they are, and anything but the catalog's tables is refused.
/// </summary>
internal sealed class QueryRewriter(DuckDBConnection connection, SessionMirror mirror)
{
    private JsonObject? selectTemplate;

    /// <summary>The rewritten SQL of one query; <paramref name="offset"/> is where the query starts in the user's text (for error positions).</summary>
    public async Task<string> RewriteAsync(string query, int offset, NameContext context, int depth, CancellationToken ct)
    {
        var root = await QueryAst.ParseAsync(connection, query, offset, ct);
        var (tables, ctes) = QueryWalker.Walk(root);
        var resolved = new Dictionary<(TableIdent, SnapshotSelector?), ResolvedRelation>();
        var renamed = depth > 0;
        foreach (var reference in tables)
        {
            if (reference.Catalog is null && reference.Schema is null && ctes.Contains(reference.Name))
            {
                continue;
            }
            if (reference.Catalog is null && reference.Schema is null && (reference.Name.Contains('/', StringComparison.Ordinal) || reference.Name.Contains('\\', StringComparison.Ordinal)))
            {
                throw new SqlNotAllowedException($"'{reference.Name}' is a file path: sessions read tables of the catalog only");
            }
            var ident = context.Qualify(reference.Parts);
            var asOf = reference.AsOf is null ? null : await SelectorAsync(reference.AsOf, ct);
            if (!resolved.TryGetValue((ident, asOf), out var relation))
            {
                var current = reference;
                relation = await mirror.ResolveAsync(ident, asOf, depth, materialize: false, RewriteAsync, ct, schema => PushdownFilter.For(root, current, schema));
                resolved[(ident, asOf)] = relation;
            }
            // DuckDB binds one- and three-part names exactly as the mirror defines them once its current schema is the
            // session's database; two-part names, time travel and pruned views need the AST rewritten.
            renamed |= asOf is not null || reference.Parts.Count == 2 || relation.ViewName != ident.Name;
            Point(reference, relation);
        }
        if (!renamed)
        {
            await mirror.UseAsync(context, ct);
            return query;
        }
        return await QueryAst.ToSqlAsync(connection, root, ct);
    }

    private Task<string> RewriteAsync(string query, NameContext context, int depth, CancellationToken ct) =>
        RewriteAsync(query, 0, context, depth, ct);

    private static void Point(TableReference reference, ResolvedRelation relation)
    {
        reference.Node["catalog_name"] = relation.Ident.Catalog;
        reference.Node["schema_name"] = relation.Ident.Database;
        reference.Node["table_name"] = relation.ViewName;
        reference.Node["at_clause"] = null;
        if (string.IsNullOrEmpty(reference.Alias))
        {
            reference.Node["alias"] = reference.Name;
        }
    }

    private async Task<SnapshotSelector> SelectorAsync(TimeTravel at, CancellationToken ct)
    {
        if (at.Expression.ToJsonString().Contains("\"SUBQUERY\"", StringComparison.Ordinal))
        {
            throw new SqlInvalidException("Time travel takes a constant (AT (VERSION => 123) or AT (TIMESTAMP => TIMESTAMP '…')), not a subquery");
        }
        var value = await EvaluateAsync(at.Expression, at.Unit.Equals("TIMESTAMP", StringComparison.OrdinalIgnoreCase), ct);
        return at.Unit.ToUpperInvariant() switch
        {
            "VERSION" when value is long or int or decimal or ulong => new SnapshotSelector(Convert.ToInt64(value, CultureInfo.InvariantCulture), null, null),
            "VERSION" when value is string name => long.TryParse(name, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                ? new SnapshotSelector(id, null, null)
                : new SnapshotSelector(null, name, null),
            "TIMESTAMP" when value is long ms => new SnapshotSelector(null, null, ms),
            _ => throw new SqlInvalidException($"AT ({at.Unit} => …) is not a time travel form: use VERSION => <snapshot id or branch/tag> or TIMESTAMP => <timestamp>"),
        };
    }

    /// <summary>Evaluates a constant expression of the AST (epoch milliseconds for timestamps).</summary>
    private async Task<object?> EvaluateAsync(JsonNode expression, bool asTimestamp, CancellationToken ct)
    {
        selectTemplate ??= await QueryAst.ParseAsync(connection, "SELECT 1", 0, ct);
        var select = selectTemplate.DeepClone().AsObject();
        QueryAst.Node(select)["select_list"]![0] = expression.DeepClone();
        var sql = await QueryAst.ToSqlAsync(connection, select, ct);
        await using var command = connection.CreateCommand();
        command.CommandText = asTimestamp
            ? $"SELECT epoch_ms(CAST(q.v AS TIMESTAMPTZ)) FROM ({sql}) AS q(v)"
            : sql;
        try
        {
            var value = await command.ExecuteScalarAsync(ct);
            return value is DBNull ? null : value;
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            throw new SqlInvalidException($"The time travel value cannot be evaluated: {e.Message}", e);
        }
    }
}
