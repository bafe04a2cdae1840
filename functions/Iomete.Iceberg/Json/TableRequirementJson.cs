using System.Text.Json.Nodes;
using Iomete.Iceberg.Commits;

namespace Iomete.Iceberg.Json;

/// <summary>Strict reader for the spec's <c>TableRequirement</c> objects, by their <c>type</c>.</summary>
public static partial class TableRequirementJson
{
    public static TableRequirement Parse(string json) => Read(JsonRead.ParseDocument(json), "$");

    public static IReadOnlyList<TableRequirement> ReadList(JsonNode? node, string path)
    {
        var array = JsonRead.Array(node, path);
        return [.. array.Select((n, i) => Read(n, $"{path}[{i}]"))];
    }

    public static TableRequirement Read(JsonNode? node, string path)
    {
        var obj = JsonRead.Object(node, path);
        return JsonRead.String(obj, "type", path) switch
        {
            "assert-create" => new AssertCreate(),
            "assert-table-uuid" => new AssertTableUuid(TableUpdateJson.ReadUuid(obj, "uuid", path)),
            "assert-ref-snapshot-id" => new AssertRefSnapshotId(
                JsonRead.String(obj, "ref", path),
                obj.TryGetPropertyValue("snapshot-id", out var id)
                    ? id is null ? null : JsonRead.Long(id, $"{path}.snapshot-id")
                    : throw IcebergFormatException.At(path, "missing required member 'snapshot-id'")),
            "assert-last-assigned-field-id" => new AssertLastAssignedFieldId(JsonRead.Int(obj, "last-assigned-field-id", path)),
            "assert-current-schema-id" => new AssertCurrentSchemaId(JsonRead.Int(obj, "current-schema-id", path)),
            "assert-last-assigned-partition-id" => new AssertLastAssignedPartitionId(JsonRead.Int(obj, "last-assigned-partition-id", path)),
            "assert-default-spec-id" => new AssertDefaultSpecId(JsonRead.Int(obj, "default-spec-id", path)),
            "assert-default-sort-order-id" => new AssertDefaultSortOrderId(JsonRead.Int(obj, "default-sort-order-id", path)),
            var other => throw IcebergFormatException.At($"{path}.type", $"unknown requirement type '{other}'"),
        };
    }
}
