using System.Text.Json;
using System.Text.Json.Nodes;
using Iomete.Iceberg.Partitioning;

namespace Iomete.Iceberg.Json;

/// <summary>Reads and writes <see cref="PartitionSpec"/> as the spec's JSON (<c>spec-id</c>, <c>fields</c>).</summary>
public static class PartitionSpecJson
{
    public static PartitionSpec Parse(string json) => Read(JsonRead.ParseDocument(json), "$");

    public static string ToJson(PartitionSpec spec) => JsonWrite.ToString(w => Write(w, spec));

    /// <summary>Reads a spec object. <c>spec-id</c> is read-only in the REST spec and defaults to 0 when absent.</summary>
    public static PartitionSpec Read(JsonNode? node, string path)
    {
        var obj = JsonRead.Object(node, path);
        return new PartitionSpec(
            JsonRead.OptionalInt(obj, "spec-id", path) ?? 0,
            ReadFields(JsonRead.Required(obj, "fields", path), $"{path}.fields"));
    }

    /// <summary>Reads a field array (also v1's bare <c>partition-spec</c> array); a missing field-id gets 1000, 1001, … in order.</summary>
    public static IReadOnlyList<PartitionField> ReadFields(JsonNode? node, string path)
    {
        var array = JsonRead.Array(node, path);
        var fields = new List<PartitionField>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            var f = JsonRead.Object(array[i], itemPath);
            if (f["source-ids"] is not null && f["source-id"] is null)
            {
                throw IcebergFormatException.At(itemPath, "multi-argument transforms ('source-ids') are not supported");
            }
            fields.Add(new PartitionField(
                JsonRead.Int(f, "source-id", itemPath),
                JsonRead.OptionalInt(f, "field-id", itemPath) ?? PartitionSpec.FirstFieldId + i,
                JsonRead.String(f, "name", itemPath),
                Transform.Parse(JsonRead.String(f, "transform", itemPath), $"{itemPath}.transform")));
        }
        return fields;
    }

    public static void Write(Utf8JsonWriter writer, PartitionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(spec);
        writer.WriteStartObject();
        writer.WriteNumber("spec-id", spec.SpecId);
        writer.WriteStartArray("fields");
        foreach (var f in spec.Fields)
        {
            writer.WriteStartObject();
            writer.WriteString("name", f.Name);
            writer.WriteString("transform", f.Transform.ToString());
            writer.WriteNumber("source-id", f.SourceId);
            writer.WriteNumber("field-id", f.FieldId);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
