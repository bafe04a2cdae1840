using System.Text;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Tests.Partitioning;

/// <summary>The hash vectors published in the Iceberg table spec (appendix B).</summary>
public sealed class BucketHashTests
{
    [Fact]
    public void Int34_HashesTo2017239379() => Assert.Equal(2017239379, BucketTransform.Hash(IcebergTypes.Int, 34));

    [Fact]
    public void Long34_HashesLikeTheInt() => Assert.Equal(2017239379, BucketTransform.Hash(IcebergTypes.Long, 34L));

    [Fact]
    public void Decimal14_20_HashesToMinus500754589() =>
        Assert.Equal(-500754589, BucketTransform.Hash(IcebergTypes.Decimal(9, 2), 14.20m));

    [Fact]
    public void Decimal_WrittenWithFewerDigits_HashesAtTheTypeScale() =>
        Assert.Equal(-500754589, BucketTransform.Hash(IcebergTypes.Decimal(9, 2), 14.2m));

    [Fact]
    public void Date2017_11_16_HashesToMinus653330422() =>
        Assert.Equal(-653330422, BucketTransform.Hash(IcebergTypes.Date, IcebergValues.Date(new DateOnly(2017, 11, 16))));

    [Fact]
    public void Time22_31_08_HashesToMinus662762989() =>
        Assert.Equal(-662762989, BucketTransform.Hash(IcebergTypes.Time, IcebergValues.Time(new TimeOnly(22, 31, 8))));

    [Fact]
    public void Timestamp_HashesToMinus2047944441() =>
        Assert.Equal(-2047944441, BucketTransform.Hash(IcebergTypes.Timestamp, IcebergValues.Timestamp(new DateTime(2017, 11, 16, 22, 31, 8))));

    [Fact]
    public void TimestampTz_WithOffset_HashesAsTheSameInstantInUtc() =>
        Assert.Equal(-2047944441, BucketTransform.Hash(
            IcebergTypes.TimestampTz, IcebergValues.TimestampTz(new DateTimeOffset(2017, 11, 16, 14, 31, 8, TimeSpan.FromHours(-8)))));

    [Fact]
    public void TimestampNs_IsTruncatedToMicrosBeforeHashing() =>
        Assert.Equal(-2047944441, BucketTransform.Hash(
            IcebergTypes.TimestampNs, (IcebergValues.Timestamp(new DateTime(2017, 11, 16, 22, 31, 8)) * 1000) + 999));

    [Fact]
    public void StringIceberg_HashesTo1210000089() =>
        Assert.Equal(1210000089, BucketTransform.Hash(IcebergTypes.String, "iceberg"));

    [Fact]
    public void Uuid_HashesTo1488055340() =>
        Assert.Equal(1488055340, BucketTransform.Hash(IcebergTypes.Uuid, Guid.Parse("f79c3e09-677c-4bbd-a479-3f349cb785e7")));

    [Fact]
    public void FixedAndBinary_00010203_HashToMinus188683207()
    {
        byte[] bytes = [0, 1, 2, 3];
        Assert.Equal(-188683207, BucketTransform.Hash(IcebergTypes.Fixed(4), bytes));
        Assert.Equal(-188683207, BucketTransform.Hash(IcebergTypes.Binary, bytes));
    }

    [Fact]
    public void Murmur3_OfEmptyInput_IsZero() => Assert.Equal(0, Murmur3.Hash32([]));

    [Fact]
    public void Murmur3_HandlesEveryTailLength()
    {
        // Reference values of MurmurHash3_x86_32 with seed 0 (smhasher).
        Assert.Equal(unchecked((int)0x3c2569b2), Murmur3.Hash32(Encoding.ASCII.GetBytes("a")));
        Assert.Equal(unchecked((int)0xb3dd93fa), Murmur3.Hash32(Encoding.ASCII.GetBytes("abc")));
        Assert.Equal(unchecked((int)0x43ed676a), Murmur3.Hash32(Encoding.ASCII.GetBytes("abcd")));
    }

    [Fact]
    public void Bucket_IsTheMaskedHashModuloN() =>
        Assert.Equal((2017239379 & int.MaxValue) % 16, Transform.Bucket(16).Apply(IcebergTypes.Int, 34));

    [Fact]
    public void Bucket_OfNegativeHash_IsNonNegative()
    {
        var bucket = (int)Transform.Bucket(7).Apply(IcebergTypes.String, "iceberg")!;
        Assert.InRange(bucket, 0, 6);
        Assert.Equal((-500754589 & int.MaxValue) % 100, Transform.Bucket(100).Apply(IcebergTypes.Decimal(9, 2), 14.20m));
    }
}
