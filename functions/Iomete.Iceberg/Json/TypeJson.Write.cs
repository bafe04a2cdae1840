using System.Text.Json;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Json;

public static partial class TypeJson
{
    public static void Write(Utf8JsonWriter writer, IcebergType type)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (type)
        {
            case PrimitiveType p:
                writer.WriteStringValue(p.ToString());
                break;
            case StructType s:
                writer.WriteStartObject();
                writer.WriteString("type", "struct");
                WriteFields(writer, s.Fields);
                writer.WriteEndObject();
                break;
            case ListType l:
                writer.WriteStartObject();
                writer.WriteString("type", "list");
                writer.WriteNumber("element-id", l.ElementId);
                writer.WritePropertyName("element");
                Write(writer, l.Element);
                writer.WriteBoolean("element-required", l.ElementRequired);
                writer.WriteEndObject();
                break;
            case MapType m:
                writer.WriteStartObject();
                writer.WriteString("type", "map");
                writer.WriteNumber("key-id", m.KeyId);
                writer.WritePropertyName("key");
                Write(writer, m.Key);
                writer.WriteNumber("value-id", m.ValueId);
                writer.WritePropertyName("value");
                Write(writer, m.Value);
                writer.WriteBoolean("value-required", m.ValueRequired);
                writer.WriteEndObject();
                break;
            default:
                throw new ArgumentException($"Unsupported type {type}", nameof(type));
        }
    }

    internal static void WriteFields(Utf8JsonWriter writer, IReadOnlyList<NestedField> fields)
    {
        writer.WriteStartArray("fields");
        foreach (var f in fields)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", f.Id);
            writer.WriteString("name", f.Name);
            writer.WriteBoolean("required", f.Required);
            writer.WritePropertyName("type");
            Write(writer, f.Type);
            if (f.Doc is not null)
            {
                writer.WriteString("doc", f.Doc);
            }
            if (f.InitialDefault is not null)
            {
                writer.WritePropertyName("initial-default");
                writer.WriteRawValue(f.InitialDefault.Json);
            }
            if (f.WriteDefault is not null)
            {
                writer.WritePropertyName("write-default");
                writer.WriteRawValue(f.WriteDefault.Json);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}
