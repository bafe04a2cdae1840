using System.Text.Json;
using System.Text.Json.Nodes;

namespace Iomete.Iceberg.Json;

/// <summary>Strict member readers over <see cref="JsonNode"/>: every failure names the JSON path.</summary>
internal static class JsonRead
{
    public static JsonNode ParseDocument(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false })
                ?? throw IcebergFormatException.At("$", "expected a JSON value, got null");
        }
        catch (JsonException ex)
        {
            throw new IcebergFormatException($"$: malformed JSON: {ex.Message}", ex) { Path = "$" };
        }
    }

    public static JsonObject Object(JsonNode? node, string path)
    {
        var obj = node as JsonObject ?? throw IcebergFormatException.At(path, $"expected an object, got {Kind(node)}");
        try
        {
            _ = obj.Count; // a JsonObject over a parsed element builds its members lazily and throws on duplicates here
        }
        catch (ArgumentException ex)
        {
            throw new IcebergFormatException($"{path}: duplicate member ({ex.Message})", ex) { Path = path };
        }
        return obj;
    }

    public static JsonArray Array(JsonNode? node, string path) =>
        node as JsonArray ?? throw IcebergFormatException.At(path, $"expected an array, got {Kind(node)}");

    public static JsonNode Required(JsonObject obj, string name, string path) =>
        obj.TryGetPropertyValue(name, out var value) && value is not null
            ? value
            : throw IcebergFormatException.At(path, $"missing required member '{name}'");

    public static int Int(JsonObject obj, string name, string path) => Int(Required(obj, name, path), $"{path}.{name}");

    public static int? OptionalInt(JsonObject obj, string name, string path) =>
        obj[name] is { } node ? Int(node, $"{path}.{name}") : null;

    public static int Int(JsonNode node, string path) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i)
            ? i
            : throw IcebergFormatException.At(path, $"expected a 32-bit integer, got {Kind(node)} {node.ToJsonString()}");

    public static long Long(JsonNode node, string path) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var l)
            ? l
            : throw IcebergFormatException.At(path, $"expected a 64-bit integer, got {Kind(node)} {node.ToJsonString()}");

    public static string String(JsonObject obj, string name, string path) => String(Required(obj, name, path), $"{path}.{name}");

    public static string? OptionalString(JsonObject obj, string name, string path) =>
        obj[name] is { } node ? String(node, $"{path}.{name}") : null;

    public static string String(JsonNode node, string path) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw IcebergFormatException.At(path, $"expected a string, got {Kind(node)}");

    public static bool Bool(JsonObject obj, string name, string path)
    {
        var node = Required(obj, name, path);
        return node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw IcebergFormatException.At($"{path}.{name}", $"expected a boolean, got {Kind(node)}"),
        };
    }

    public static string Kind(JsonNode? node) => node is null ? "null" : node.GetValueKind() switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
