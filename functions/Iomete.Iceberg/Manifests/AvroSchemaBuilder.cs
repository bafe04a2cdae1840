using System.Text.Json.Nodes;

namespace Iomete.Iceberg.Manifests;

/// <summary>Builders for Avro schema JSON carrying Iceberg's <c>field-id</c>, <c>element-id</c> and map key/value ids.</summary>
internal static class AvroSchemaBuilder
{
    public static JsonObject Required(string name, JsonNode type, int id) =>
        new() { ["name"] = name, ["type"] = type, ["field-id"] = id };

    public static JsonObject Optional(string name, JsonNode type, int id) =>
        new() { ["name"] = name, ["type"] = new JsonArray("null", type), ["default"] = null, ["field-id"] = id };

    public static JsonObject Record(string name, params JsonObject[] fields) =>
        new() { ["type"] = "record", ["name"] = name, ["fields"] = new JsonArray(fields) };

    public static JsonObject List(JsonNode items, int elementId) =>
        new() { ["type"] = "array", ["items"] = items, ["element-id"] = elementId };

    /// <summary>A map with non-string keys: an array of key/value records, marked with logicalType <c>map</c> as the spec says.</summary>
    public static JsonObject IntKeyMap(int keyId, int valueId, JsonNode valueType) => new()
    {
        ["type"] = "array",
        ["logicalType"] = "map",
        ["items"] = Record($"k{keyId}_v{valueId}", Required("key", "int", keyId), Required("value", valueType, valueId)),
    };
}
