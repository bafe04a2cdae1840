using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Iomete.Iceberg.Expressions;
using Iomete.Iceberg.Partitioning;

namespace Iomete.Iceberg.Json;

/// <summary>
/// The REST spec's <c>Expression</c> JSON. The reader is strict: every object needs a known <c>type</c> and exactly
/// the members of its schema (<c>left</c>/<c>right</c>, <c>child</c>, <c>term</c>, <c>value</c>, <c>values</c>);
/// literals are JSON booleans, numbers or strings. It also accepts the bare booleans <c>true</c>/<c>false</c> that
/// the Java client writes for constant expressions, and a term object <c>{"type":"reference","term":…}</c>.
/// Values are kept unbound (integral numbers as long, other numbers as decimal or double); <see cref="Binder"/> types them.
/// </summary>
public static partial class ExpressionJson
{
    public static Expression Parse(string json) => Read(JsonRead.ParseDocument(json), "$");

    public static Expression Read(JsonNode? node, string path)
    {
        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetValueKind() == JsonValueKind.True ? Expression.True : Expression.False;
        }
        var obj = JsonRead.Object(node, path);
        var type = JsonRead.String(obj, "type", path);
        switch (type)
        {
            case "true":
                Members(obj, path);
                return Expression.True;
            case "false":
                Members(obj, path);
                return Expression.False;
            case "and" or "or":
                Members(obj, path, "left", "right");
                var left = Read(JsonRead.Required(obj, "left", path), $"{path}.left");
                var right = Read(JsonRead.Required(obj, "right", path), $"{path}.right");
                return type == "and" ? new And(left, right) : new Or(left, right);
            case "not":
                Members(obj, path, "child");
                return new Not(Read(JsonRead.Required(obj, "child", path), $"{path}.child"));
        }
        if (!Operations.TryParse(type, out var op))
        {
            throw IcebergFormatException.At($"{path}.type", $"unknown expression type '{type}'");
        }
        var term = ReadTerm(JsonRead.Required(obj, "term", path), $"{path}.term");
        if (op.IsUnary())
        {
            Members(obj, path, "term");
            return new UnboundPredicate(op, term);
        }
        if (op.IsSet())
        {
            Members(obj, path, "term", "values");
            var values = JsonRead.Array(JsonRead.Required(obj, "values", path), $"{path}.values");
            return new UnboundPredicate(op, term, [.. values.Select((n, i) => ReadLiteral(n, $"{path}.values[{i}]"))]);
        }
        Members(obj, path, "term", "value");
        return new UnboundPredicate(op, term, [ReadLiteral(JsonRead.Required(obj, "value", path), $"{path}.value")]);
    }

    private static Term ReadTerm(JsonNode node, string path)
    {
        if (node is JsonValue)
        {
            return new Reference(NonEmpty(JsonRead.String(node, path), path));
        }
        var obj = JsonRead.Object(node, path);
        var type = JsonRead.String(obj, "type", path);
        switch (type)
        {
            case "reference":
                Members(obj, path, "term");
                return new Reference(NonEmpty(JsonRead.String(obj, "term", path), $"{path}.term"));
            case "transform":
                Members(obj, path, "transform", "term");
                var transform = Transform.Parse(JsonRead.String(obj, "transform", path), $"{path}.transform");
                return new TransformTerm(transform, new Reference(NonEmpty(JsonRead.String(obj, "term", path), $"{path}.term")));
            default:
                throw IcebergFormatException.At($"{path}.type", $"unknown term type '{type}'");
        }
    }

    private static object ReadLiteral(JsonNode? node, string path)
    {
        if (node is not JsonValue v)
        {
            throw IcebergFormatException.At(path, $"expected a boolean, number or string value, got {JsonRead.Kind(node)}");
        }
        switch (v.GetValueKind())
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String:
                return v.GetValue<string>();
            case JsonValueKind.Number:
                var text = v.ToJsonString();
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                {
                    return l;
                }
                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m))
                {
                    return m;
                }
                return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            default:
                throw IcebergFormatException.At(path, $"expected a boolean, number or string value, got {JsonRead.Kind(node)}");
        }
    }

    private static void Members(JsonObject obj, string path, params string[] allowed)
    {
        foreach (var (name, _) in obj)
        {
            if (name != "type" && !allowed.Contains(name, StringComparer.Ordinal))
            {
                throw IcebergFormatException.At(path, $"unexpected member '{name}' for expression type '{obj["type"]}'");
            }
        }
    }

    private static string NonEmpty(string name, string path) =>
        name.Length > 0 ? name : throw IcebergFormatException.At(path, "a column name must not be empty");
}
