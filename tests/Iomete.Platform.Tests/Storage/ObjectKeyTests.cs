using Iomete.Platform.Storage;

namespace Iomete.Platform.Tests.Storage;

public sealed class ObjectKeyTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("warehouse/db/t/data/date=2024-01-01/part-00000-1.parquet")]
    [InlineData("with space/ünïcode/ok.txt")]
    [InlineData("dots.in.name/..hidden/x..y")]
    public void Validate_AcceptsRelativeKeys(string key) => ObjectKey.Validate(key);

    [Theory]
    [InlineData("")]
    [InlineData("/abs")]
    [InlineData("a/")]
    [InlineData("..")]
    [InlineData("a/../b")]
    [InlineData("a/./b")]
    [InlineData("a//b")]
    [InlineData("a\\b")]
    [InlineData("tab\there")]
    public void Validate_RejectsKeysThatAreNotPlainRelativePaths(string key) =>
        Assert.Throws<ArgumentException>(() => ObjectKey.Validate(key));

    [Fact]
    public void Validate_RejectsOverlongKeys() =>
        Assert.Throws<ArgumentException>(() => ObjectKey.Validate(new string('a', ObjectKey.MaxLength + 1)));

    [Theory]
    [InlineData("")]
    [InlineData("a/")]
    [InlineData("a/b")]
    public void ValidatePrefix_AcceptsEmptyAndFolderPrefixes(string prefix) => ObjectKey.ValidatePrefix(prefix);

    [Theory]
    [InlineData(0L, 9L, "bytes=0-9")]
    [InlineData(100L, null, "bytes=100-")]
    public void ByteRange_RendersAsAnHttpRange(long from, long? to, string expected) =>
        Assert.Equal(expected, new ByteRange(from, to).ToString());

    [Fact]
    public void ByteRange_Last_RendersAsASuffixRange() =>
        Assert.Equal("bytes=-8", ByteRange.Last(8).ToString());

    [Fact]
    public void ByteRange_RejectsBackwardsOrNegativeRanges()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ByteRange(10, 9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ByteRange(-1, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByteRange.Last(0));
    }
}
