using Iomete.Iceberg.Json;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Tests.Partitioning;

public sealed class TransformTests
{
    private static long Ts(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) => IcebergValues.Timestamp(new DateTime(y, mo, d, h, mi, s));

    private static int Date(int y, int mo, int d) => IcebergValues.Date(new DateOnly(y, mo, d));

    [Theory]
    [InlineData("identity")]
    [InlineData("year")]
    [InlineData("month")]
    [InlineData("day")]
    [InlineData("hour")]
    [InlineData("void")]
    [InlineData("bucket[16]")]
    [InlineData("truncate[4]")]
    public void Parse_ThenToString_GivesTheSameText(string text) => Assert.Equal(text, Transform.Parse(text).ToString());

    [Theory]
    [InlineData("Identity", "identity")]
    [InlineData("BUCKET[8]", "bucket[8]")]
    public void Parse_IgnoresCase(string text, string expected) => Assert.Equal(expected, Transform.Parse(text).ToString());

    [Theory]
    [InlineData("bucket")]
    [InlineData("bucket[0]")]
    [InlineData("truncate[-1]")]
    [InlineData("years")]
    [InlineData("zorder")]
    public void Parse_OfUnknownTransform_IsAFormatError(string text) =>
        Assert.Contains(text, Assert.Throws<IcebergFormatException>(() => Transform.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void TemporalTransforms_OfDates_CountUnitsSinceEpoch()
    {
        Assert.Equal(47, Transform.Year.Apply(IcebergTypes.Date, Date(2017, 11, 16)));
        Assert.Equal((47 * 12) + 10, Transform.Month.Apply(IcebergTypes.Date, Date(2017, 11, 16)));
        Assert.Equal(17486, Transform.Day.Apply(IcebergTypes.Date, Date(2017, 11, 16)));
    }

    [Fact]
    public void TemporalTransforms_OfPreEpochDates_RoundDown()
    {
        Assert.Equal(-1, Transform.Year.Apply(IcebergTypes.Date, Date(1969, 12, 31)));
        Assert.Equal(-1, Transform.Month.Apply(IcebergTypes.Date, Date(1969, 12, 31)));
        Assert.Equal(-12, Transform.Month.Apply(IcebergTypes.Date, Date(1969, 1, 1)));
        Assert.Equal(-1, Transform.Day.Apply(IcebergTypes.Date, Date(1969, 12, 31)));
        Assert.Equal(-2, Transform.Year.Apply(IcebergTypes.Date, Date(1968, 1, 1)));
    }

    [Fact]
    public void TemporalTransforms_OfPreEpochTimestamps_RoundDown()
    {
        var oneMicroBefore = -1L;
        Assert.Equal(-1, Transform.Hour.Apply(IcebergTypes.Timestamp, oneMicroBefore));
        Assert.Equal(-1, Transform.Day.Apply(IcebergTypes.Timestamp, oneMicroBefore));
        Assert.Equal(-1, Transform.Month.Apply(IcebergTypes.Timestamp, oneMicroBefore));
        Assert.Equal(-1, Transform.Year.Apply(IcebergTypes.Timestamp, oneMicroBefore));
        Assert.Equal(-24, Transform.Hour.Apply(IcebergTypes.Timestamp, Ts(1969, 12, 31)));
        Assert.Equal(-25, Transform.Hour.Apply(IcebergTypes.TimestampTz, Ts(1969, 12, 30, 23, 59, 59)));
    }

    [Fact]
    public void TemporalTransforms_OfTimestamps_CountUnitsSinceEpoch()
    {
        var ts = Ts(2017, 11, 16, 22, 31, 8);
        Assert.Equal(47, Transform.Year.Apply(IcebergTypes.Timestamp, ts));
        Assert.Equal(574, Transform.Month.Apply(IcebergTypes.TimestampTz, ts));
        Assert.Equal(17486, Transform.Day.Apply(IcebergTypes.Timestamp, ts));
        Assert.Equal((17486 * 24) + 22, Transform.Hour.Apply(IcebergTypes.Timestamp, ts));
        Assert.Equal((17486 * 24) + 22, Transform.Hour.Apply(IcebergTypes.TimestampNs, ts * 1000));
        Assert.Equal(-1, Transform.Day.Apply(IcebergTypes.TimestampTzNs, -1L));
    }

    [Fact]
    public void ResultTypes_FollowTheSpec()
    {
        Assert.Equal(IcebergTypes.Date, Transform.Day.ResultType(IcebergTypes.Timestamp));
        Assert.Equal(IcebergTypes.Int, Transform.Hour.ResultType(IcebergTypes.Timestamp));
        Assert.Equal(IcebergTypes.Int, Transform.Bucket(4).ResultType(IcebergTypes.String));
        Assert.Equal(IcebergTypes.Decimal(9, 2), Transform.Truncate(10).ResultType(IcebergTypes.Decimal(9, 2)));
        Assert.Equal(IcebergTypes.String, Transform.Identity.ResultType(IcebergTypes.String));
        Assert.Equal(IcebergTypes.Long, Transform.Void.ResultType(IcebergTypes.Long));
    }

    [Fact]
    public void SourceTypes_AreCheckedPerTransform()
    {
        Assert.False(Transform.Hour.CanTransform(IcebergTypes.Date));
        Assert.False(Transform.Year.CanTransform(IcebergTypes.Long));
        Assert.False(Transform.Bucket(2).CanTransform(IcebergTypes.Double));
        Assert.False(Transform.Bucket(2).CanTransform(IcebergTypes.Boolean));
        Assert.False(Transform.Truncate(2).CanTransform(IcebergTypes.Fixed(4)));
        Assert.False(Transform.Identity.CanTransform(IcebergTypes.Struct()));
        Assert.True(Transform.Void.CanTransform(IcebergTypes.Struct()));
        Assert.True(Transform.Identity.CanTransform(IcebergTypes.Double));
        Assert.Throws<ArgumentException>(() => Transform.Hour.Apply(IcebergTypes.Date, 1));
    }

    [Fact]
    public void EveryTransform_MapsNullToNull()
    {
        Assert.Null(Transform.Bucket(3).Apply(IcebergTypes.Int, null));
        Assert.Null(Transform.Truncate(3).Apply(IcebergTypes.String, null));
        Assert.Null(Transform.Day.Apply(IcebergTypes.Date, null));
        Assert.Null(Transform.Void.Apply(IcebergTypes.Int, 5));
    }

    [Fact]
    public void Apply_WithValueOfWrongRepresentation_Throws() =>
        Assert.Throws<ArgumentException>(() => Transform.Bucket(3).Apply(IcebergTypes.Long, 5));

    [Fact]
    public void Transforms_HaveValueEquality()
    {
        Assert.Equal(Transform.Bucket(16), Transform.Parse("bucket[16]"));
        Assert.NotEqual<Transform>(Transform.Bucket(16), Transform.Truncate(16));
        Assert.NotEqual<Transform>(Transform.Year, Transform.Month);
    }
}
