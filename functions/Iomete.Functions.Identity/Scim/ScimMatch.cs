using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Iomete.Functions.Identity.Scim;

/// <summary>Evaluates a value filter (a PATCH path's <c>[...]</c>) on one element of a multi-valued attribute.</summary>
internal static class ScimMatch
{
    public static bool Matches(ScimFilter filter, JsonObject element) => filter switch
    {
        ScimAnd a => Matches(a.Left, element) && Matches(a.Right, element),
        ScimOr o => Matches(o.Left, element) || Matches(o.Right, element),
        ScimNot n => !Matches(n.Inner, element),
        ScimPresent p => Scim.Get(element, p.Attribute) is { } v && v.ToString().Length > 0,
        ScimCompare c => Compare(Scim.Get(element, c.Attribute), c),
        _ => throw ScimException.InvalidPath("Nested value filters are not supported."),
    };

    private static bool Compare(JsonNode? node, ScimCompare c)
    {
        if (c.Value is null)
        {
            return c.Operator == "eq" ? node is null : c.Operator == "ne" && node is not null;
        }
        if (c.Value is bool b)
        {
            var actual = node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : (bool?)null;
            return c.Operator == "eq" ? actual == b : c.Operator == "ne" && actual != b;
        }
        var left = node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => node.ToJsonString(),
        };
        var right = Convert.ToString(c.Value, CultureInfo.InvariantCulture)!;
        if (left is null)
        {
            return c.Operator == "ne";
        }
        var cmp = string.Compare(left, right, StringComparison.OrdinalIgnoreCase);
        return c.Operator switch
        {
            "eq" => cmp == 0,
            "ne" => cmp != 0,
            "co" => left.Contains(right, StringComparison.OrdinalIgnoreCase),
            "sw" => left.StartsWith(right, StringComparison.OrdinalIgnoreCase),
            "ew" => left.EndsWith(right, StringComparison.OrdinalIgnoreCase),
            "gt" => cmp > 0,
            "ge" => cmp >= 0,
            "lt" => cmp < 0,
            _ => cmp <= 0,
        };
    }
}
