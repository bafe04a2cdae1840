using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Manifests;

/// <summary>
/// The spec's binary single-value serialization (Appendix D), used for bounds and partition summaries:
/// little-endian ints, longs, floats, doubles, dates, times and timestamps; UTF-8 strings; big-endian uuid;
/// minimal big-endian two's-complement unscaled decimals; fixed and binary as is. Values use the README's representation.
/// </summary>
public static class SingleValue
{
    public static byte[] Serialize(PrimitiveType type, object value)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(value);
        switch (type.Id)
        {
            case TypeId.Boolean:
                return [(bool)value ? (byte)1 : (byte)0];
            case TypeId.Int or TypeId.Date:
                var i = new byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(i, (int)value);
                return i;
            case TypeId.Long or TypeId.Time or TypeId.Timestamp or TypeId.TimestampTz or TypeId.TimestampNs or TypeId.TimestampTzNs:
                var l = new byte[8];
                BinaryPrimitives.WriteInt64LittleEndian(l, (long)value);
                return l;
            case TypeId.Float:
                var f = new byte[4];
                BinaryPrimitives.WriteSingleLittleEndian(f, (float)value);
                return f;
            case TypeId.Double:
                var d = new byte[8];
                BinaryPrimitives.WriteDoubleLittleEndian(d, (double)value);
                return d;
            case TypeId.Decimal:
                return IcebergValues.Unscaled((decimal)value, ((DecimalType)type).Scale).ToByteArray(isUnsigned: false, isBigEndian: true);
            case TypeId.String:
                return Encoding.UTF8.GetBytes((string)value);
            case TypeId.Uuid:
                return ((Guid)value).ToByteArray(bigEndian: true);
            case TypeId.Fixed or TypeId.Binary:
                return [.. (byte[])value];
            default:
                throw new ArgumentException($"Type {type} has no single-value serialization", nameof(type));
        }
    }

    public static object Deserialize(PrimitiveType type, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Id switch
        {
            TypeId.Boolean => Exactly(bytes, 1)[0] != 0,
            TypeId.Int or TypeId.Date => BinaryPrimitives.ReadInt32LittleEndian(Exactly(bytes, 4)),
            // A long column's bound may be stored as 4 bytes after promotion from int.
            TypeId.Long when bytes.Length == 4 => (long)BinaryPrimitives.ReadInt32LittleEndian(bytes),
            TypeId.Long or TypeId.Time or TypeId.Timestamp or TypeId.TimestampTz or TypeId.TimestampNs or TypeId.TimestampTzNs
                => BinaryPrimitives.ReadInt64LittleEndian(Exactly(bytes, 8)),
            TypeId.Float => BinaryPrimitives.ReadSingleLittleEndian(Exactly(bytes, 4)),
            TypeId.Double when bytes.Length == 4 => (double)BinaryPrimitives.ReadSingleLittleEndian(bytes),
            TypeId.Double => BinaryPrimitives.ReadDoubleLittleEndian(Exactly(bytes, 8)),
            TypeId.Decimal => IcebergValues.FromUnscaled(new BigInteger(bytes, isUnsigned: false, isBigEndian: true), ((DecimalType)type).Scale),
            TypeId.String => Encoding.UTF8.GetString(bytes),
            TypeId.Uuid => new Guid(Exactly(bytes, 16), bigEndian: true),
            TypeId.Fixed => Exactly(bytes, ((FixedType)type).Length).ToArray(),
            TypeId.Binary => bytes.ToArray(),
            _ => throw new ArgumentException($"Type {type} has no single-value serialization", nameof(type)),
        };
    }

    private static ReadOnlySpan<byte> Exactly(ReadOnlySpan<byte> bytes, int length) =>
        bytes.Length == length ? bytes : throw new ArgumentException($"Expected {length} bytes, got {bytes.Length}", nameof(bytes));
}
