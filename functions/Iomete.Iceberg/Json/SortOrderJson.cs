using System.Text.Json;
using System.Text.Json.Nodes;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;

namespace Iomete.Iceberg.Json;

/// <summary>Reads and writes <see cref="SortOrder"/> as the spec's JSON (<c>order-id</c>, <c>fields</c>).</summary>
public static class SortOrderJson
{
    public static SortOrder Parse(string json) => Read(JsonRead.ParseDocument(json), "$");

    public static string ToJson(SortOrder order) => JsonWrite.ToString(w => Write(w, order));

    public static SortOrder Read(JsonNode? node, string path)
    {
        var obj = JsonRead.Object(node, path);
        var orderId = JsonRead.Int(obj, "order-id", path);
        var array = JsonRead.Array(JsonRead.Required(obj, "fields", path), $"{path}.fields");
        var fields = new List<SortField>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = $"{path}.fields[{i}]";
            var f = JsonRead.Object(array[i], itemPath);
            if (f["source-ids"] is not null && f["source-id"] is null)
            {
                throw IcebergFormatException.At(itemPath, "multi-argument transforms ('source-ids') are not supported");
            }
            fields.Add(new SortField(
                JsonRead.Int(f, "source-id", itemPath),
                Transform.Parse(JsonRead.String(f, "transform", itemPath), $"{itemPath}.transform"),
                JsonRead.String(f, "direction", itemPath) switch
                {
                    "asc" => SortDirection.Asc,
                    "desc" => SortDirection.Desc,
                    var other => throw IcebergFormatException.At($"{itemPath}.direction", $"unknown direction '{other}' (expected asc or desc)"),
                },
                JsonRead.String(f, "null-order", itemPath) switch
                {
                    "nulls-first" => NullOrder.NullsFirst,
                    "nulls-last" => NullOrder.NullsLast,
                    var other => throw IcebergFormatException.At($"{itemPath}.null-order", $"unknown null order '{other}' (expected nulls-first or nulls-last)"),
                }));
        }
        try
        {
            return new SortOrder(orderId, fields);
        }
        catch (SchemaValidationException ex)
        {
            throw new IcebergFormatException($"{path}: {ex.Message}", ex) { Path = path };
        }
    }

    public static void Write(Utf8JsonWriter writer, SortOrder order)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(order);
        writer.WriteStartObject();
        writer.WriteNumber("order-id", order.OrderId);
        writer.WriteStartArray("fields");
        foreach (var f in order.Fields)
        {
            writer.WriteStartObject();
            writer.WriteString("transform", f.Transform.ToString());
            writer.WriteNumber("source-id", f.SourceId);
            writer.WriteString("direction", f.Direction == SortDirection.Asc ? "asc" : "desc");
            writer.WriteString("null-order", f.NullOrder == NullOrder.NullsFirst ? "nulls-first" : "nulls-last");
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
