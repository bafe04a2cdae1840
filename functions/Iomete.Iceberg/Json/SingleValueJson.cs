using System.Text.Json;
using System.Text.Json.Nodes;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Json;

/// <summary>
/// Checks that a default value has the JSON kind the spec's single-value serialization gives its type:
/// booleans as JSON booleans, int/long/float/double as numbers (ints in range), decimals, dates, times,
/// timestamps, strings, uuids and fixed/binary (hex) as strings, structs and maps as objects, lists as arrays.
/// </summary>
internal static class SingleValueJson
{
    public static void CheckKind(JsonNode? node, IcebergType type, string path)
    {
        if (node is null)
        {
            return;
        }
        var kind = node.GetValueKind();
        var ok = type.Id switch
        {
            TypeId.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
            TypeId.Int => kind == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out _),
            TypeId.Long => kind == JsonValueKind.Number && node.AsValue().TryGetValue<long>(out _),
            TypeId.Float or TypeId.Double => kind == JsonValueKind.Number,
            TypeId.Struct or TypeId.Map => kind == JsonValueKind.Object,
            TypeId.List => kind == JsonValueKind.Array,
            TypeId.Unknown => false,
            TypeId.Variant => true,
            _ => kind == JsonValueKind.String,
        };
        if (!ok)
        {
            throw IcebergFormatException.At(path, $"{JsonRead.Kind(node)} {node.ToJsonString()} is not a valid {type} value");
        }
    }
}
