using Iomete.Functions.Core.Common;

namespace Iomete.Functions.Core.Tests.Common;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("10Gi", 10L * 1024 * 1024 * 1024)]
    [InlineData("512Mi", 512L * 1024 * 1024)]
    [InlineData("1k", 1000L)]
    [InlineData("1.5Ki", 1536L)]
    [InlineData("1e3", 1000L)]
    [InlineData("2T", 2_000_000_000_000L)]
    [InlineData("100", 100L)]
    public void TryParse_ReadsKubernetesQuantities(string text, long bytes)
    {
        Assert.Equal<decimal?>(bytes, Quantity.TryParse(text));
    }

    [Theory]
    [InlineData("10GB")]
    [InlineData("ten")]
    [InlineData("-5Gi")]
    [InlineData("10 Gi")]
    [InlineData("")]
    public void TryParse_WithInvalidText_ReturnsNull(string text)
    {
        Assert.Null(Quantity.TryParse(text));
    }

    [Fact]
    public void CheckSize_BelowOneByte_IsAnError()
    {
        var errors = new FieldErrors();

        Assert.False(Quantity.CheckSize("100m", "maxSize", errors));
        Assert.True(errors.Any);
    }
}
