using System.Globalization;
using System.Text.Json.Nodes;

namespace Iomete.Iceberg.Manifests.Avro;

/// <summary>Encoding half of <see cref="AvroDatum"/>.</summary>
internal sealed partial class AvroDatum
{
    public void Write(AvroBinaryWriter w, JsonNode schema, object? value)
    {
        switch (schema)
        {
            case JsonArray union:
                var index = value is null ? IndexOfNull(union) : FirstNonNull(union);
                w.Long(index);
                Write(w, union[index]!, value);
                return;
            case JsonValue name:
                WriteNamed(w, name.GetValue<string>(), value);
                return;
            case JsonObject obj:
                WriteObject(w, obj, value);
                return;
            default:
                throw new AvroFormatException("Invalid Avro schema node");
        }
    }

    private void WriteObject(AvroBinaryWriter w, JsonObject obj, object? value)
    {
        var kind = obj["type"]!;
        if (kind is not JsonValue)
        {
            Write(w, kind, value);
            return;
        }
        switch (kind.GetValue<string>())
        {
            case "record":
                var record = (IReadOnlyDictionary<string, object?>)value!;
                foreach (var f in obj["fields"]!.AsArray())
                {
                    Write(w, f!["type"]!, record.GetValueOrDefault(f["name"]!.GetValue<string>()));
                }
                return;
            case "array":
                var items = (IReadOnlyList<object?>)value!;
                if (items.Count > 0)
                {
                    w.Long(items.Count);
                    foreach (var item in items)
                    {
                        Write(w, obj["items"]!, item);
                    }
                }
                w.Long(0);
                return;
            case "map":
                var map = (IReadOnlyDictionary<string, object?>)value!;
                if (map.Count > 0)
                {
                    w.Long(map.Count);
                    foreach (var (key, item) in map)
                    {
                        w.String(key);
                        Write(w, obj["values"]!, item);
                    }
                }
                w.Long(0);
                return;
            case "fixed":
                var bytes = (byte[])value!;
                if (bytes.Length != obj["size"]!.GetValue<int>())
                {
                    throw new ArgumentException($"Fixed value of {bytes.Length} bytes for size {obj["size"]}");
                }
                w.Fixed(bytes);
                return;
            default:
                WriteNamed(w, kind.GetValue<string>(), value);
                return;
        }
    }

    private void WriteNamed(AvroBinaryWriter w, string type, object? value)
    {
        if (named.TryGetValue(type, out var def))
        {
            WriteObject(w, def, value);
            return;
        }
        switch (type)
        {
            case "null": return;
            case "boolean": w.Bool((bool)value!); return;
            case "int": w.Long(Convert.ToInt32(value, CultureInfo.InvariantCulture)); return;
            case "long": w.Long(Convert.ToInt64(value, CultureInfo.InvariantCulture)); return;
            case "float": w.Float((float)value!); return;
            case "double": w.Double((double)value!); return;
            case "bytes": w.Bytes((byte[])value!); return;
            case "string": w.String((string)value!); return;
            default: throw new AvroFormatException($"Unknown Avro type '{type}'");
        }
    }

    private static int IndexOfNull(JsonArray union)
    {
        for (var i = 0; i < union.Count; i++)
        {
            if (union[i] is JsonValue v && v.GetValue<string>() == "null")
            {
                return i;
            }
        }
        throw new ArgumentException("Null value for a non-nullable Avro union");
    }

    private static int FirstNonNull(JsonArray union)
    {
        for (var i = 0; i < union.Count; i++)
        {
            if (!(union[i] is JsonValue v && v.GetValue<string>() == "null"))
            {
                return i;
            }
        }
        throw new ArgumentException("Non-null value for a null-only Avro union");
    }
}
