using System.Text.Json;
using System.Text.Json.Nodes;
using Iomete.Iceberg.Schemas;

namespace Iomete.Iceberg.Json;

/// <summary>Reads and writes <see cref="Schema"/> as the spec's JSON (a struct with schema-id and identifier-field-ids).</summary>
public static class SchemaJson
{
    public static Schema Parse(string json) => Read(JsonRead.ParseDocument(json), "$");

    public static string ToJson(Schema schema) => JsonWrite.ToString(w => Write(w, schema));

    /// <summary>Reads a schema object; <c>schema-id</c> defaults to 0 when absent (v1 metadata).</summary>
    public static Schema Read(JsonNode? node, string path)
    {
        var obj = JsonRead.Object(node, path);
        var type = obj["type"] is { } t ? JsonRead.String(t, $"{path}.type") : throw IcebergFormatException.At(path, "missing required member 'type' (must be \"struct\")");
        if (type != "struct")
        {
            throw IcebergFormatException.At($"{path}.type", $"a schema must be a struct, got '{type}'");
        }
        var fields = TypeJson.ReadStruct(obj, path).Fields;
        var schemaId = JsonRead.OptionalInt(obj, "schema-id", path) ?? 0;
        var ids = new List<int>();
        if (obj["identifier-field-ids"] is { } idsNode)
        {
            var array = JsonRead.Array(idsNode, $"{path}.identifier-field-ids");
            for (var i = 0; i < array.Count; i++)
            {
                ids.Add(JsonRead.Int(array[i] ?? throw IcebergFormatException.At($"{path}.identifier-field-ids[{i}]", "expected an integer, got null"), $"{path}.identifier-field-ids[{i}]"));
            }
        }
        try
        {
            return new Schema(schemaId, fields, ids);
        }
        catch (SchemaValidationException ex)
        {
            throw new IcebergFormatException($"{path}: invalid schema: {ex.Message}", ex) { Path = path };
        }
    }

    public static void Write(Utf8JsonWriter writer, Schema schema)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(schema);
        writer.WriteStartObject();
        writer.WriteString("type", "struct");
        writer.WriteNumber("schema-id", schema.SchemaId);
        if (schema.IdentifierFieldIds.Count > 0)
        {
            writer.WriteStartArray("identifier-field-ids");
            foreach (var id in schema.IdentifierFieldIds)
            {
                writer.WriteNumberValue(id);
            }
            writer.WriteEndArray();
        }
        TypeJson.WriteFields(writer, schema.Fields);
        writer.WriteEndObject();
    }
}
