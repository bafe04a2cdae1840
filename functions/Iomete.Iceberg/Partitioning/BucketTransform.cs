using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Partitioning;

/// <summary><c>bucket[N]</c>: <c>(murmur3_x86_32(bytes) &amp; int.MaxValue) % N</c>, an int.</summary>
public sealed record BucketTransform : Transform
{
    public BucketTransform(int numBuckets)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numBuckets);
        NumBuckets = numBuckets;
    }

    public int NumBuckets { get; }

    public override bool CanTransform(IcebergType source) => source.Id is TypeId.Int or TypeId.Long or TypeId.Decimal
        or TypeId.Date or TypeId.Time or TypeId.Timestamp or TypeId.TimestampTz or TypeId.TimestampNs or TypeId.TimestampTzNs
        or TypeId.String or TypeId.Uuid or TypeId.Fixed or TypeId.Binary;

    public override IcebergType ResultType(IcebergType source) => IcebergTypes.Int;

    private protected override object? ApplyNonNull(IcebergType source, object value) =>
        (Hash(source, value) & int.MaxValue) % NumBuckets;

    /// <summary>The spec's 32-bit hash of a value: ints/dates hashed as longs, temporals as micros, decimals as minimal big-endian unscaled bytes.</summary>
    public static int Hash(IcebergType source, object value)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(value);
        return source.Id switch
        {
            TypeId.Int or TypeId.Date => HashLong(As<int>(value, source)),
            TypeId.Long or TypeId.Time or TypeId.Timestamp or TypeId.TimestampTz => HashLong(As<long>(value, source)),
            TypeId.TimestampNs or TypeId.TimestampTzNs => HashLong(IcebergValues.FloorDiv(As<long>(value, source), 1000)),
            TypeId.Decimal => Murmur3.Hash32(IcebergValues.Unscaled(As<decimal>(value, source), ((DecimalType)source).Scale)
                .ToByteArray(isUnsigned: false, isBigEndian: true)),
            TypeId.String => Murmur3.Hash32(Encoding.UTF8.GetBytes(As<string>(value, source))),
            TypeId.Uuid => Murmur3.Hash32(As<Guid>(value, source).ToByteArray(bigEndian: true)),
            TypeId.Fixed or TypeId.Binary => Murmur3.Hash32(As<byte[]>(value, source)),
            _ => throw new ArgumentException($"Cannot hash {source}", nameof(source)),
        };
    }

    private static int HashLong(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return Murmur3.Hash32(bytes);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"bucket[{NumBuckets}]");
}
