using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Json;

/// <summary>Reads and writes <see cref="IcebergType"/> and <see cref="NestedField"/> as the spec's JSON.</summary>
public static partial class TypeJson
{
    public static IcebergType Parse(string json) => Read(JsonRead.ParseDocument(json), "$");

    public static string ToJson(IcebergType type) => JsonWrite.ToString(w => Write(w, type));

    /// <summary>Parses a primitive type string ("int", "decimal(9,2)", "fixed[16]"); throws on an unknown one.</summary>
    public static PrimitiveType ParsePrimitive(string text, string path = "$")
    {
        ArgumentNullException.ThrowIfNull(text);
        // Like the Java and Python readers, type names are matched ignoring case ("LONG" is long).
        var lower = text.Trim().ToLowerInvariant();
        if (IcebergTypes.FromName(lower) is { } simple)
        {
            return simple;
        }
        if (FixedPattern().Match(lower) is { Success: true } f
            && int.TryParse(f.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length > 0)
        {
            return new FixedType(length);
        }
        if (DecimalPattern().Match(lower) is { Success: true } d
            && int.TryParse(d.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var precision)
            && int.TryParse(d.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var scale)
            && precision is >= 1 and <= 38)
        {
            return new DecimalType(precision, scale);
        }
        throw IcebergFormatException.At(path, $"unknown type '{text}'");
    }

    internal static IcebergType Read(JsonNode? node, string path)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return ParsePrimitive(value.GetValue<string>(), path);
        }
        var obj = node is JsonObject
            ? JsonRead.Object(node, path)
            : throw IcebergFormatException.At(path, $"expected a type string or object, got {JsonRead.Kind(node)}");
        var kind = obj["type"] is { } t ? JsonRead.String(t, $"{path}.type") : throw IcebergFormatException.At(path, "missing required member 'type'");
        return kind switch
        {
            "struct" => ReadStruct(obj, path),
            "list" => new ListType(
                JsonRead.Int(obj, "element-id", path),
                Read(JsonRead.Required(obj, "element", path), $"{path}.element"),
                JsonRead.Bool(obj, "element-required", path)),
            "map" => new MapType(
                JsonRead.Int(obj, "key-id", path),
                Read(JsonRead.Required(obj, "key", path), $"{path}.key"),
                JsonRead.Int(obj, "value-id", path),
                Read(JsonRead.Required(obj, "value", path), $"{path}.value"),
                JsonRead.Bool(obj, "value-required", path)),
            _ => throw IcebergFormatException.At($"{path}.type", $"unknown nested type '{kind}' (expected struct, list or map)"),
        };
    }

    internal static StructType ReadStruct(JsonObject obj, string path)
    {
        var fields = JsonRead.Array(JsonRead.Required(obj, "fields", path), $"{path}.fields");
        var result = new List<NestedField>(fields.Count);
        for (var i = 0; i < fields.Count; i++)
        {
            result.Add(ReadField(fields[i], $"{path}.fields[{i}]"));
        }
        return new StructType(result);
    }

    internal static NestedField ReadField(JsonNode? node, string path)
    {
        var obj = JsonRead.Object(node, path);
        var type = Read(JsonRead.Required(obj, "type", path), $"{path}.type");
        return new NestedField(
            JsonRead.Int(obj, "id", path),
            JsonRead.String(obj, "name", path),
            JsonRead.Bool(obj, "required", path),
            type,
            JsonRead.OptionalString(obj, "doc", path),
            ReadDefault(obj, "initial-default", type, path),
            ReadDefault(obj, "write-default", type, path));
    }

    private static DefaultValue? ReadDefault(JsonObject obj, string name, IcebergType type, string path)
    {
        if (!obj.TryGetPropertyValue(name, out var value))
        {
            return null;
        }
        SingleValueJson.CheckKind(value, type, $"{path}.{name}");
        return new DefaultValue(value);
    }

    [GeneratedRegex(@"^fixed\[\s*(\d+)\s*\]$")]
    private static partial Regex FixedPattern();

    [GeneratedRegex(@"^decimal\(\s*(\d+)\s*,\s*(\d+)\s*\)$")]
    private static partial Regex DecimalPattern();
}
