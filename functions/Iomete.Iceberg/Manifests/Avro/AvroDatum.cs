using System.Text.Json.Nodes;

namespace Iomete.Iceberg.Manifests.Avro;

/// <summary>
/// Encodes and decodes generic values by an Avro schema (as JSON): records are name → value dictionaries,
/// arrays are lists, maps are string-keyed dictionaries, fixed and bytes are byte arrays, a union takes its
/// first non-null branch for a non-null value. Logical types are carried by their underlying type.
/// </summary>
internal sealed partial class AvroDatum
{
    private readonly Dictionary<string, JsonObject> named = new(StringComparer.Ordinal);

    public AvroDatum(JsonNode schema) => Register(schema);


    public object? Read(AvroBinaryReader r, JsonNode schema)
    {
        switch (schema)
        {
            case JsonArray union:
                var index = r.Long();
                if (index < 0 || index >= union.Count)
                {
                    throw new AvroFormatException($"Union branch {index} out of range");
                }
                return Read(r, union[(int)index]!);
            case JsonValue name:
                var type = name.GetValue<string>();
                return named.TryGetValue(type, out var def) ? Read(r, def) : ReadPrimitive(r, type);
            case JsonObject obj:
                var kind = obj["type"]!;
                if (kind is not JsonValue)
                {
                    return Read(r, kind);
                }
                switch (kind.GetValue<string>())
                {
                    case "record":
                        var record = new Dictionary<string, object?>(StringComparer.Ordinal);
                        foreach (var f in obj["fields"]!.AsArray())
                        {
                            record[f!["name"]!.GetValue<string>()] = Read(r, f["type"]!);
                        }
                        return record;
                    case "array":
                        var list = new List<object?>();
                        ReadBlocks(r, () => list.Add(Read(r, obj["items"]!)));
                        return list;
                    case "map":
                        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                        ReadBlocks(r, () => map[r.String()] = Read(r, obj["values"]!));
                        return map;
                    case "fixed":
                        return r.Fixed(obj["size"]!.GetValue<int>());
                    case "enum":
                        return obj["symbols"]![(int)r.Long()]!.GetValue<string>();
                    default:
                        return ReadPrimitive(r, kind.GetValue<string>());
                }
            default:
                throw new AvroFormatException("Invalid Avro schema node");
        }
    }

    private static void ReadBlocks(AvroBinaryReader r, Action item)
    {
        for (var count = r.Long(); count != 0; count = r.Long())
        {
            if (count < 0)
            {
                count = -count;
                r.Long(); // block size in bytes, not needed when decoding every item
            }
            for (var i = 0; i < count; i++)
            {
                item();
            }
        }
    }

    private static object? ReadPrimitive(AvroBinaryReader r, string type) => type switch
    {
        "null" => null,
        "boolean" => r.Bool(),
        "int" => checked((int)r.Long()),
        "long" => r.Long(),
        "float" => r.Float(),
        "double" => r.Double(),
        "bytes" => r.Bytes(),
        "string" => r.String(),
        _ => throw new AvroFormatException($"Unknown Avro type '{type}'"),
    };





    private void Register(JsonNode? schema)
    {
        switch (schema)
        {
            case JsonArray union:
                foreach (var branch in union)
                {
                    Register(branch);
                }
                break;
            case JsonObject obj:
                if (obj["name"] is JsonValue name && obj["type"] is JsonValue t && t.GetValue<string>() is "record" or "fixed" or "enum")
                {
                    named[name.GetValue<string>()] = obj;
                }
                Register(obj["items"]);
                Register(obj["values"]);
                if (obj["type"] is not JsonValue)
                {
                    Register(obj["type"]);
                }
                foreach (var f in obj["fields"]?.AsArray() ?? [])
                {
                    Register(f!["type"]);
                }
                break;
        }
    }
}
