using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Types;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Iceberg.Tests.Manifests;

public sealed class SingleValueTests
{
    public static TheoryData<PrimitiveType, object, string> Vectors() => new()
    {
        { T.Boolean, true, "01" },
        { T.Boolean, false, "00" },
        { T.Int, 1, "01000000" },
        { T.Int, -2, "FEFFFFFF" },
        { T.Long, 1L, "0100000000000000" },
        { T.Float, 1.0f, "0000803F" },
        { T.Double, 1.0, "000000000000F03F" },
        { T.Date, 19000, "384A0000" },
        { T.Time, 1_000_000L, "40420F0000000000" },
        { T.Timestamp, 1_700_000_000_000_000L, "00401E18240A0600" },
        { T.TimestampTz, -1L, "FFFFFFFFFFFFFFFF" },
        { T.TimestampNs, 256L, "0001000000000000" },
        { T.String, "iceberg", "69636562657267" },
        { T.String, "é", "C3A9" },
        { T.Uuid, Guid.Parse("f79c3e09-677c-4bbd-a479-3f349cb785e7"), "F79C3E09677C4BBDA4793F349CB785E7" },
        { T.Decimal(9, 2), 1.00m, "64" },
        { T.Decimal(9, 2), -1.00m, "9C" },
        { T.Decimal(9, 2), 1.28m, "0080" },
        { T.Decimal(38, 0), 0m, "00" },
        { T.Fixed(3), new byte[] { 1, 2, 3 }, "010203" },
        { T.Binary, new byte[] { 0xFF }, "FF" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Serialize_FollowsAppendixD(PrimitiveType type, object value, string hex) =>
        Assert.Equal(hex, Convert.ToHexString(SingleValue.Serialize(type, value)));

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Deserialize_InvertsSerialize(PrimitiveType type, object value, string hex) =>
        Assert.Equal(value, SingleValue.Deserialize(type, Convert.FromHexString(hex)));

    [Fact]
    public void Deserialize_OfWrongLength_Throws() =>
        Assert.Throws<ArgumentException>(() => SingleValue.Deserialize(T.Int, [1, 2]));

    [Fact]
    public void Deserialize_OfAnIntBoundForALongColumn_ReadsThePromotedValue() =>
        Assert.Equal(7L, SingleValue.Deserialize(T.Long, [7, 0, 0, 0]));

    [Fact]
    public void Serialize_OfANestedType_Throws() =>
        Assert.Throws<ArgumentException>(() => SingleValue.Serialize(T.Unknown, 1));
}
