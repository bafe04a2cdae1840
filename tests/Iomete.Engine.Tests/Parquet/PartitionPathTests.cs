using Iomete.Engine.Parquet;

namespace Iomete.Engine.Tests.Parquet;

public sealed class PartitionPathTests
{
    [Theory]
    [InlineData("a much longer name", "a+much+longer+name")]
    [InlineData("2024-01-02T03:04:05.123456", "2024-01-02T03%3A04%3A05.123456")]
    [InlineData("ü/x*y_z~", "%C3%BC%2Fx*y_z%7E")]
    public void Encode_MatchesJavaUrlEncoder(string text, string expected) => Assert.Equal(expected, PartitionPath.Encode(text));
}
