using Iomete.Functions.Core.StorageBrowser;

namespace Iomete.Functions.Core.Tests.StorageBrowser;

public sealed class RangeHeaderTests
{
    [Theory]
    [InlineData("bytes=0-9", 0L, 9L)]
    [InlineData("bytes=5-", 5L, 99L)]
    [InlineData("bytes=90-200", 90L, 99L)]
    [InlineData("bytes=-10", 90L, 99L)]
    [InlineData("bytes=-500", 0L, 99L)]
    public void Resolve_ReadsSingleRanges(string header, long from, long to)
    {
        Assert.Equal((from, to), RangeHeader.Resolve(header, 100, out var unsatisfiable));
        Assert.False(unsatisfiable);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("bytes=0-1,5-6")]
    [InlineData("items=0-1")]
    [InlineData("bytes=9-2")]
    [InlineData("bytes=-")]
    public void Resolve_IgnoresWhatItCannotServe(string? header)
    {
        Assert.Null(RangeHeader.Resolve(header, 100, out var unsatisfiable));
        Assert.False(unsatisfiable);
    }

    [Theory]
    [InlineData("bytes=100-", 100L)]
    [InlineData("bytes=-0", 100L)]
    [InlineData("bytes=0-", 0L)]
    public void Resolve_PastTheEnd_IsUnsatisfiable(string header, long size)
    {
        Assert.Null(RangeHeader.Resolve(header, size, out var unsatisfiable));
        Assert.True(unsatisfiable);
    }
}
