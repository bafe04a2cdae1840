using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Tests.Partitioning;

public sealed class TruncateTests
{
    [Theory]
    [InlineData(1, 10, 0)]
    [InlineData(-1, 10, -10)]
    [InlineData(10, 10, 10)]
    [InlineData(-10, 10, -10)]
    [InlineData(19, 10, 10)]
    [InlineData(5, 1, 5)]
    public void Ints_RoundDownToMultiplesOfWidth(int value, int width, int expected) =>
        Assert.Equal(expected, Transform.Truncate(width).Apply(IcebergTypes.Int, value));

    [Fact]
    public void Longs_RoundDownToMultiplesOfWidth()
    {
        Assert.Equal(-10L, Transform.Truncate(10).Apply(IcebergTypes.Long, -1L));
        Assert.Equal(long.MaxValue - 7, Transform.Truncate(10).Apply(IcebergTypes.Long, long.MaxValue));
    }

    [Fact]
    public void Decimals_TruncateTheUnscaledValue()
    {
        var type = IcebergTypes.Decimal(9, 2);
        Assert.Equal(10.50m, Transform.Truncate(50).Apply(type, 10.65m));
        Assert.Equal(-0.10m, Transform.Truncate(10).Apply(type, -0.05m));
    }

    [Fact]
    public void Strings_KeepWidthCodePoints()
    {
        Assert.Equal("ice", Transform.Truncate(3).Apply(IcebergTypes.String, "iceberg"));
        Assert.Equal("ab", Transform.Truncate(3).Apply(IcebergTypes.String, "ab"));
        Assert.Equal("", Transform.Truncate(3).Apply(IcebergTypes.String, ""));
    }

    [Fact]
    public void Strings_NeverSplitASurrogatePair()
    {
        // U+1F600 is two UTF-16 chars but one code point.
        Assert.Equal("a\U0001F600", Transform.Truncate(2).Apply(IcebergTypes.String, "a\U0001F600b"));
        Assert.Equal("\U0001F600", Transform.Truncate(1).Apply(IcebergTypes.String, "\U0001F600\U0001F601"));
    }

    [Fact]
    public void Binary_KeepsWidthBytes()
    {
        Assert.Equal(new byte[] { 1, 2 }, Transform.Truncate(2).Apply(IcebergTypes.Binary, new byte[] { 1, 2, 3 }));
        Assert.Equal(new byte[] { 1 }, Transform.Truncate(2).Apply(IcebergTypes.Binary, new byte[] { 1 }));
    }
}
