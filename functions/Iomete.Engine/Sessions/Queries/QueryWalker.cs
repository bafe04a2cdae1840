using System.Text.Json.Nodes;

namespace Iomete.Engine.Sessions.Queries;

/// <summary>
/// Walks a query AST: collects the table references and the names of common table expressions, and refuses what a
/// session must not run in a query — table functions that read files, URLs or the engine's own catalog
/// (<c>read_parquet</c>, <c>glob</c>, <c>duckdb_tables</c>…) and DuckDB's SHOW/DESCRIBE forms (the session has its own).
/// </summary>
internal static class QueryWalker
{
    /// <summary>Table functions that only compute values: everything else is refused.</summary>
    private static readonly HashSet<string> SafeTableFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "range", "generate_series", "unnest", "repeat", "repeat_row",
    };

    public static (IReadOnlyList<TableReference> Tables, IReadOnlySet<string> CommonTableNames) Walk(JsonNode root)
    {
        var tables = new List<TableReference>();
        var ctes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Visit(root, tables, ctes);
        return (tables, ctes);
    }

    private static void Visit(JsonNode? node, List<TableReference> tables, HashSet<string> ctes)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Visit(item, tables, ctes);
                }
                break;
            case JsonObject obj:
                Inspect(obj, tables, ctes);
                foreach (var (_, child) in obj)
                {
                    Visit(child, tables, ctes);
                }
                break;
        }
    }

    private static void Inspect(JsonObject obj, List<TableReference> tables, HashSet<string> ctes)
    {
        if (obj["cte_map"]?["map"] is JsonArray map)
        {
            foreach (var entry in map)
            {
                if (entry?["key"]?.GetValue<string>() is { } name)
                {
                    ctes.Add(name);
                }
            }
        }
        var type = obj["type"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : null;
        switch (type)
        {
            case "BASE_TABLE" when obj.ContainsKey("table_name"):
                tables.Add(new TableReference(
                    obj,
                    Text(obj["catalog_name"]),
                    Text(obj["schema_name"]),
                    Text(obj["table_name"]) ?? "",
                    Text(obj["alias"]),
                    TimeTravelOf(obj["at_clause"])));
                break;
            case "TABLE_FUNCTION" when obj["function"] is JsonObject function:
                var name = Text(function["function_name"]) ?? "";
                if (!SafeTableFunctions.Contains(name) || !string.IsNullOrEmpty(Text(function["schema"])) || !string.IsNullOrEmpty(Text(function["catalog"])))
                {
                    throw new SqlNotAllowedException($"Table function '{name}' is not allowed: sessions read tables of the catalog only");
                }
                break;
            case "SHOW_REF":
                throw new SqlNotAllowedException("DuckDB's SHOW, DESCRIBE and SUMMARIZE forms are not available inside queries; use SHOW or DESCRIBE statements");
        }
    }

    private static TimeTravel? TimeTravelOf(JsonNode? clause) =>
        clause is JsonObject at && Text(at["unit"]) is { } unit && at["expr"] is { } expr ? new TimeTravel(unit, expr) : null;

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
