using Iomete.Engine.Parquet;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;
using Iomete.Iceberg.Metadata;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Engine.Tests.Parquet;

public sealed class StatsValuesTests
{
    [Theory]
    [InlineData("2024-01-02 03:04:05.123456+00", 1_704_164_645_123_456L)]
    [InlineData("2024-01-02 05:34:05.123456+02:30", 1_704_164_645_123_456L)]
    [InlineData("1969-12-31 23:59:59.999999+00", -1L)]
    [InlineData("1970-01-01 00:00:00+00", 0L)]
    public void TimestampTz_WithAnyOffset_ReadsAsUtcMicros(string text, long micros) =>
        Assert.Equal(micros, SingleValue.Deserialize(T.TimestampTz, StatsValues.Lower(T.TimestampTz, text)!));

    [Fact]
    public void TimestampNs_KeepsNanoseconds() =>
        Assert.Equal(1_704_164_645_123_456_789L, SingleValue.Deserialize(T.TimestampNs, StatsValues.Lower(T.TimestampNs, "2024-01-02 03:04:05.123456789")!));

    [Fact]
    public void Time_ReadsAsMicrosOfDay() =>
        Assert.Equal(3_723_500_000L, SingleValue.Deserialize(T.Time, StatsValues.Upper(T.Time, "01:02:03.5")!));

    [Theory]
    [InlineData("12.345", 3, "12.345")]
    [InlineData("-0.001", 3, "-0.001")]
    [InlineData("-5", 2, "-5.00")]
    [InlineData("7.5", 2, "7.50")]
    public void Decimal_ReadsAtTheColumnScale(string text, int scale, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            SingleValue.Deserialize(T.Decimal(18, scale), StatsValues.Lower(T.Decimal(18, scale), text)!));

    [Fact]
    public void Decimal_WiderThanSystemDecimal_IsMinimalBigEndian()
    {
        var bytes = StatsValues.Upper(T.Decimal(38, 1), "123456789012345678901234567890123.5")!;
        Assert.Equal(System.Numerics.BigInteger.Parse("1234567890123456789012345678901235", System.Globalization.CultureInfo.InvariantCulture),
            new System.Numerics.BigInteger(bytes, isUnsigned: false, isBigEndian: true));
    }

    [Fact]
    public void Double_ZeroLowerBoundIsNegativeZero_AndInfinityReads()
    {
        Assert.True(double.IsNegative((double)SingleValue.Deserialize(T.Double, StatsValues.Lower(T.Double, "0.0")!)));
        Assert.False(double.IsNegative((double)SingleValue.Deserialize(T.Double, StatsValues.Upper(T.Double, "0.0")!)));
        Assert.Equal(double.PositiveInfinity, SingleValue.Deserialize(T.Double, StatsValues.Upper(T.Double, "inf")!));
        Assert.Equal(0.30000000000000004, SingleValue.Deserialize(T.Double, StatsValues.Upper(T.Double, "0.30000000000000004")!));
        Assert.Null(StatsValues.Upper(T.Double, "nan"));
    }

    [Theory]
    [InlineData("5877642-06-25 (BC)")]
    [InlineData("infinity")]
    public void UnreadableDates_GiveNoBound(string text) => Assert.Null(StatsValues.Lower(T.Date, text));

    [Fact]
    public void Binary_IsTruncatedAndIncremented()
    {
        var text = new string('F', 34) + "00";
        Assert.Equal(Enumerable.Repeat((byte)0xFF, 16), StatsValues.Lower(T.Binary, text));
        Assert.Null(StatsValues.Upper(T.Binary, text));
        Assert.Equal([0x01, 0x03], StatsValues.Upper(T.Binary, "0102FFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"));
    }

    [Fact]
    public async Task ColumnNamesWithQuotesAndDots_AreWrittenWithIdsAndMetrics()
    {
        var schema = new Schema(0, [T.Optional(1, "it's", T.Int), T.Optional(2, "a.b", T.String), T.Optional(3, "\"q\"", T.Long)]);
        using var warehouse = new Warehouse();
        var table = TableMetadata.NewTable(schema, PartitionSpec.Unpartitioned, SortOrder.Unsorted, warehouse.TableLocation("names"));

        var file = Assert.Single(await new ParquetDataFileWriter(warehouse.IO).WriteRowsAsync(table, [[1, "x", 2L], [5, "y", null]]));

        Assert.Equal([1, 2, 3], file.ValueCounts!.Keys.Order());
        Assert.Equal(5, SingleValue.Deserialize(T.Int, file.UpperBounds![1]));
        Assert.Equal("y", SingleValue.Deserialize(T.String, file.UpperBounds[2]));
        Assert.Equal(1, file.NullValueCounts![3]);
    }
}
