using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Iomete.Iceberg.Expressions;
using Iomete.Iceberg.Schemas;

namespace Iomete.Engine.Sessions.Queries;

/// <summary>
/// The part of a query's WHERE clause the Iceberg scan planner can use to prune partitions and files: for a SELECT whose
/// FROM is a single table, the top-level AND conjuncts of the form <c>column op constant</c>, <c>column IN (constants)</c>,
/// <c>column BETWEEN constants</c> and <c>column IS [NOT] NULL</c>. Applying them before the query's own WHERE is safe:
/// the query still filters every row; the planner only skips what cannot match.
/// </summary>
internal static class PushdownFilter
{
    public static Expression? For(JsonObject root, TableReference table, Schema schema)
    {
        if (QueryAst.Node(root) is not { } node || node["type"]?.GetValue<string>() != "SELECT_NODE"
            || !ReferenceEquals(node["from_table"], table.Node) || node["where_clause"] is not JsonObject where)
        {
            return null;
        }
        Expression? filter = null;
        foreach (var conjunct in Conjuncts(where))
        {
            if (Predicate(conjunct, table, schema) is { } predicate)
            {
                filter = filter is null ? predicate : Filter.And(filter, predicate);
            }
        }
        return filter;
    }

    private static IEnumerable<JsonObject> Conjuncts(JsonObject expression)
    {
        if (Type(expression) == "CONJUNCTION_AND" && expression["children"] is JsonArray children)
        {
            return children.OfType<JsonObject>().SelectMany(Conjuncts);
        }
        return [expression];
    }

    private static Expression? Predicate(JsonObject e, TableReference table, Schema schema)
    {
        switch (Type(e))
        {
            case "COMPARE_EQUAL" or "COMPARE_NOTEQUAL" or "COMPARE_LESSTHAN" or "COMPARE_GREATERTHAN"
                or "COMPARE_LESSTHANOREQUALTO" or "COMPARE_GREATERTHANOREQUALTO":
                var flip = Column(e["left"], table, schema) is null;
                var column = Column(flip ? e["right"] : e["left"], table, schema);
                var value = Constant(flip ? e["left"] : e["right"]);
                return column is null || value is null ? null : Compare(Type(e)!, flip, column, value);
            case "COMPARE_IN" when e["children"] is JsonArray items && items.Count > 1 && Column(items[0], table, schema) is { } inColumn:
                var values = items.Skip(1).Select(Constant).ToList();
                return values.Any(v => v is null) ? null : Filter.In(inColumn, [.. values!]);
            case "COMPARE_BETWEEN" when Column(e["input"], table, schema) is { } between
                && Constant(e["lower"]) is { } lower && Constant(e["upper"]) is { } upper:
                return Filter.And(Filter.GtEq(between, lower), Filter.LtEq(between, upper));
            case "OPERATOR_IS_NULL" when e["children"] is JsonArray one && one.Count == 1 && Column(one[0], table, schema) is { } isNull:
                return Filter.IsNull(isNull);
            case "OPERATOR_IS_NOT_NULL" when e["children"] is JsonArray one && one.Count == 1 && Column(one[0], table, schema) is { } notNull:
                return Filter.NotNull(notNull);
            default:
                return null;
        }
    }

    private static Expression Compare(string type, bool flipped, string column, object value) => (type, flipped) switch
    {
        ("COMPARE_EQUAL", _) => Filter.Eq(column, value),
        ("COMPARE_NOTEQUAL", _) => Filter.NotEq(column, value),
        ("COMPARE_LESSTHAN", false) or ("COMPARE_GREATERTHAN", true) => Filter.Lt(column, value),
        ("COMPARE_GREATERTHAN", false) or ("COMPARE_LESSTHAN", true) => Filter.Gt(column, value),
        ("COMPARE_LESSTHANOREQUALTO", false) or ("COMPARE_GREATERTHANOREQUALTO", true) => Filter.LtEq(column, value),
        _ => Filter.GtEq(column, value),
    };

    /// <summary>A top-level column of the table: unqualified, or qualified by the table's alias or name.</summary>
    private static string? Column(JsonNode? node, TableReference table, Schema schema)
    {
        if (node is not JsonObject e || Type(e) != "COLUMN_REF" || e["column_names"] is not JsonArray names)
        {
            return null;
        }
        var parts = names.Select(n => n?.GetValue<string>() ?? "").ToList();
        var qualifier = string.IsNullOrEmpty(table.Alias) ? table.Name : table.Alias;
        if (parts.Count == 2 && !string.Equals(parts[0], qualifier, StringComparison.OrdinalIgnoreCase) || parts.Count > 2)
        {
            return null;
        }
        return schema.FindField(parts[^1], caseSensitive: false) is { } field && schema.Fields.Contains(field) ? field.Name : null;
    }

    /// <summary>A constant as the Iceberg literal converter takes it (numbers, strings, booleans; dates and timestamps as ISO text).</summary>
    private static object? Constant(JsonNode? node)
    {
        if (node is not JsonObject e)
        {
            return null;
        }
        if (Type(e) == "OPERATOR_CAST" && e["cast_type"]?["id"]?.GetValue<string>() is "DATE" or "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE"
            && e["child"] is JsonObject child && Constant(child) is string text)
        {
            return text;
        }
        if (Type(e) != "VALUE_CONSTANT" || e["value"] is not JsonObject value || value["is_null"]?.GetValue<bool>() == true)
        {
            return null;
        }
        var raw = value["value"];
        return value["type"]?["id"]?.GetValue<string>() switch
        {
            "INTEGER" or "BIGINT" or "SMALLINT" or "TINYINT" => raw?.GetValue<long>(),
            "HUGEINT" => raw is null ? null : (object)long.Parse(raw.ToString(), CultureInfo.InvariantCulture),
            "DOUBLE" or "FLOAT" => raw?.GetValue<double>(),
            "DECIMAL" => raw is null ? null : (decimal)BigInteger.Parse(raw.ToString(), CultureInfo.InvariantCulture)
                / (decimal)Math.Pow(10, value["type"]!["type_info"]?["scale"]?.GetValue<int>() ?? 0),
            "VARCHAR" => raw?.GetValue<string>(),
            "BOOLEAN" => raw?.GetValue<bool>(),
            _ => null,
        };
    }

    private static string? Type(JsonObject e) => e["type"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : null;
}
