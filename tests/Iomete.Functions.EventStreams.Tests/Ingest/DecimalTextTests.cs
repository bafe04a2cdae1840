using Iomete.Functions.EventStreams.Ingest.Rows;

namespace Iomete.Functions.EventStreams.Tests.Ingest;

public sealed class DecimalTextTests
{
    [Theory]
    [InlineData("12.5", 10, 2, "12.50")]
    [InlineData("-0.10", 5, 1, "-0.1")]
    [InlineData("1e2", 5, 0, "100")]
    [InlineData("1.50E-1", 5, 2, "0.15")]
    [InlineData("12345678901234567890123456789012.123456", 38, 6, "12345678901234567890123456789012.123456")]
    [InlineData("-0", 3, 0, "0")]
    public void Fits_AreWrittenExactly(string text, int precision, int scale, string expected)
    {
        Assert.True(DecimalText.TryCanonical(text, precision, scale, out var canonical, out var problem), problem);
        Assert.Equal(expected, canonical);
    }

    [Theory]
    [InlineData("1.234", 10, 2, "digits after the point")]
    [InlineData("123456", 5, 0, "does not fit")]
    [InlineData("abc", 5, 0, "not a decimal")]
    [InlineData("1.2.3", 5, 0, "not a decimal")]
    [InlineData("--1", 5, 0, "not a decimal")]
    public void Misfits_SayWhy(string text, int precision, int scale, string expected)
    {
        Assert.False(DecimalText.TryCanonical(text, precision, scale, out _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
