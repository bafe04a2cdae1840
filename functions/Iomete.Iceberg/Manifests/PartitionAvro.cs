using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Manifests;

/// <summary>The Avro form of a partition tuple (data_file field 102): schema from the partition type and value conversion.</summary>
internal static class PartitionAvro
{
    public static JsonObject Schema(StructType partitionType) => new()
    {
        ["type"] = "record",
        ["name"] = "r102",
        ["fields"] = new JsonArray([.. partitionType.Fields.Select(f =>
            (JsonNode)AvroSchemaBuilder.Optional(AvroName(f.Name), TypeOf(f.Id, (PrimitiveType)f.Type), f.Id))]),
    };

    public static Dictionary<string, object?> ToAvro(StructType partitionType, IReadOnlyList<object?> values)
    {
        if (values.Count != partitionType.Fields.Count)
        {
            throw new ArgumentException($"Partition tuple has {values.Count} values for {partitionType.Fields.Count} partition fields");
        }
        var record = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            var f = partitionType.Fields[i];
            record[AvroName(f.Name)] = values[i] is null ? null : ToAvro((PrimitiveType)f.Type, values[i]!);
        }
        return record;
    }

    public static object?[] FromAvro(StructType partitionType, IReadOnlyDictionary<string, object?> record) =>
        [.. partitionType.Fields.Select(f =>
            record.GetValueOrDefault(AvroName(f.Name)) is { } v ? FromAvro((PrimitiveType)f.Type, v) : null)];

    private static object ToAvro(PrimitiveType type, object value) => type switch
    {
        DecimalType d => SignExtend(IcebergValues.Unscaled((decimal)value, d.Scale), DecimalBytes(d.Precision)),
        { Id: TypeId.Uuid } => ((Guid)value).ToByteArray(bigEndian: true),
        _ => value,
    };

    private static object FromAvro(PrimitiveType type, object value) => type switch
    {
        DecimalType d => IcebergValues.FromUnscaled(new BigInteger((byte[])value, isUnsigned: false, isBigEndian: true), d.Scale),
        { Id: TypeId.Uuid } => new Guid((byte[])value, bigEndian: true),
        { Id: TypeId.Long or TypeId.Time or TypeId.Timestamp or TypeId.TimestampTz or TypeId.TimestampNs or TypeId.TimestampTzNs } => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };

    private static JsonNode TypeOf(int fieldId, PrimitiveType type) => type switch
    {
        DecimalType d => new JsonObject
        {
            ["type"] = "fixed", ["name"] = $"decimal_{fieldId}", ["size"] = DecimalBytes(d.Precision),
            ["logicalType"] = "decimal", ["precision"] = d.Precision, ["scale"] = d.Scale,
        },
        FixedType f => new JsonObject { ["type"] = "fixed", ["name"] = $"fixed_{fieldId}", ["size"] = f.Length },
        _ => type.Id switch
        {
            TypeId.Boolean => "boolean",
            TypeId.Int => "int",
            TypeId.Long => "long",
            TypeId.Float => "float",
            TypeId.Double => "double",
            TypeId.String => "string",
            TypeId.Binary => "bytes",
            TypeId.Date => new JsonObject { ["type"] = "int", ["logicalType"] = "date" },
            TypeId.Time => new JsonObject { ["type"] = "long", ["logicalType"] = "time-micros" },
            TypeId.Timestamp => Timestamp("timestamp-micros", false),
            TypeId.TimestampTz => Timestamp("timestamp-micros", true),
            TypeId.TimestampNs => Timestamp("timestamp-nanos", false),
            TypeId.TimestampTzNs => Timestamp("timestamp-nanos", true),
            TypeId.Uuid => new JsonObject { ["type"] = "fixed", ["name"] = $"uuid_{fieldId}", ["size"] = 16, ["logicalType"] = "uuid" },
            _ => throw new ArgumentException($"Partition type {type} has no Avro form"),
        },
    };

    private static JsonObject Timestamp(string logical, bool utc) =>
        new() { ["type"] = "long", ["logicalType"] = logical, ["adjust-to-utc"] = utc };

    /// <summary>Smallest byte count whose two's-complement range holds every unscaled value of the precision.</summary>
    internal static int DecimalBytes(int precision)
    {
        var max = BigInteger.Pow(10, precision) - 1;
        var bytes = 1;
        while (BigInteger.Pow(2, (8 * bytes) - 1) - 1 < max)
        {
            bytes++;
        }
        return bytes;
    }

    private static byte[] SignExtend(BigInteger unscaled, int size)
    {
        var minimal = unscaled.ToByteArray(isUnsigned: false, isBigEndian: true);
        if (minimal.Length > size)
        {
            throw new ArgumentException($"Decimal unscaled value {unscaled} does not fit {size} bytes");
        }
        var result = new byte[size];
        Array.Fill(result, unscaled.Sign < 0 ? (byte)0xFF : (byte)0);
        minimal.CopyTo(result, size - minimal.Length);
        return result;
    }

    /// <summary>Avro names allow [A-Za-z_][A-Za-z0-9_]*; other characters become <c>_x</c> + hex code, as Java's writer does.</summary>
    internal static string AvroName(string name)
    {
        var sb = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var valid = char.IsAsciiLetter(c) || c == '_' || (i > 0 && char.IsAsciiDigit(c));
            sb.Append(valid ? c.ToString() : (char.IsAsciiDigit(c) ? "_" + c : "_x" + ((int)c).ToString("X", System.Globalization.CultureInfo.InvariantCulture)));
        }
        return sb.ToString();
    }
}
