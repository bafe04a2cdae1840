using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Writes;

/// <summary>A partition tuple as a comparable text key (single-value serialized, base64), for counting changed partitions.</summary>
internal static class PartitionKeys
{
    public static string Of(int specId, StructType partitionType, IReadOnlyList<object?> values)
    {
        var parts = new string[values.Count + 1];
        parts[0] = specId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < values.Count; i++)
        {
            parts[i + 1] = values[i] is { } value && partitionType.Fields[i].Type is PrimitiveType type
                ? Convert.ToBase64String(SingleValue.Serialize(type, value))
                : "-";
        }
        return string.Join('/', parts);
    }
}
