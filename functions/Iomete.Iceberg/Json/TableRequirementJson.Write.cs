using System.Text.Json;
using Iomete.Iceberg.Commits;

namespace Iomete.Iceberg.Json;

public static partial class TableRequirementJson
{
    public static string ToJson(TableRequirement requirement) => JsonWrite.ToString(w => Write(w, requirement));

    public static void WriteList(Utf8JsonWriter writer, IEnumerable<TableRequirement> requirements)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(requirements);
        writer.WriteStartArray();
        foreach (var requirement in requirements)
        {
            Write(writer, requirement);
        }
        writer.WriteEndArray();
    }

    /// <summary>Writes one requirement as the spec's object with its <c>type</c>; the inverse of <see cref="Read"/>.</summary>
    public static void Write(Utf8JsonWriter writer, TableRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(requirement);
        writer.WriteStartObject();
        writer.WriteString("type", requirement.Type);
        switch (requirement)
        {
            case AssertCreate:
                break;
            case AssertTableUuid r:
                writer.WriteString("uuid", r.Uuid.ToString("D"));
                break;
            case AssertRefSnapshotId r:
                writer.WriteString("ref", r.Ref);
                if (r.SnapshotId is { } id)
                {
                    writer.WriteNumber("snapshot-id", id);
                }
                else
                {
                    writer.WriteNull("snapshot-id");
                }
                break;
            case AssertLastAssignedFieldId r:
                writer.WriteNumber("last-assigned-field-id", r.LastAssignedFieldId);
                break;
            case AssertCurrentSchemaId r:
                writer.WriteNumber("current-schema-id", r.CurrentSchemaId);
                break;
            case AssertLastAssignedPartitionId r:
                writer.WriteNumber("last-assigned-partition-id", r.LastAssignedPartitionId);
                break;
            case AssertDefaultSpecId r:
                writer.WriteNumber("default-spec-id", r.DefaultSpecId);
                break;
            case AssertDefaultSortOrderId r:
                writer.WriteNumber("default-sort-order-id", r.DefaultSortOrderId);
                break;
            default:
                throw new ArgumentException($"Unknown requirement type {requirement.GetType().Name}.", nameof(requirement));
        }
        writer.WriteEndObject();
    }
}
