using System.Text.Json.Nodes;

namespace Iomete.Engine.Sessions.Statements;

/// <summary>
/// Refuses a physical plan that scans anything but tables and value generators. Statements that change rows run after
/// every table they name was copied into DuckDB, so a file-reading table function in their plan can only come from the
/// user's text (<c>read_parquet</c>, <c>read_csv</c>, <c>glob</c>…).
/// </summary>
internal static class PlanCheck
{
    private static readonly HashSet<string> SafeFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "RANGE", "GENERATE_SERIES", "UNNEST", "REPEAT", "REPEAT_ROW",
    };

    public static void Refuse(string planJson)
    {
        var plan = JsonNode.Parse(planJson);
        Visit(plan);
    }

    private static void Visit(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Visit(item);
                }
                break;
            case JsonObject obj:
                if (obj["extra_info"] is JsonObject info && info["Function"] is JsonValue function
                    && function.TryGetValue<string>(out var name) && !SafeFunctions.Contains(name.Trim()))
                {
                    throw new SqlNotAllowedException($"Table function '{name.Trim().ToLowerInvariant()}' is not allowed: sessions read tables of the catalog only");
                }
                Visit(obj["children"]);
                break;
        }
    }
}
