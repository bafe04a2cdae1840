using Apache.Arrow;
using Apache.Arrow.Types;
using Iomete.Functions.Sql.Results;

namespace Iomete.Functions.Sql.Tests.Results;

public sealed class DecimalBytesTests
{
    [Theory]
    [InlineData("0", 2)]
    [InlineData("12.5", 2)]
    [InlineData("-12.57", 2)]
    [InlineData("1.005", 2)]
    [InlineData("-0.01", 4)]
    [InlineData("79228162514264337593543950335", 0)]
    [InlineData("-7922816251426433759354395033.5", 1)]
    [InlineData("123456789012345678.12", 20)]
    public void Write_GivesTheUnscaledValueAtTheColumnsScale(string text, int scale)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var builder = new Decimal128Array.Builder(new Decimal128Type(38, scale));
        Span<byte> cell = stackalloc byte[16];
        DecimalBytes.Write(value, scale, cell);
        builder.Append(cell);

        var read = builder.Build().GetSqlDecimal(0)!.Value;

        var expected = Math.Round(value, scale, MidpointRounding.ToEven).ToString("F" + scale, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, read.ToString());
        Assert.Equal(scale, read.Scale);
    }
}
