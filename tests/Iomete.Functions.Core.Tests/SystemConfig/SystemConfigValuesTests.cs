using Iomete.Functions.Core.SystemConfig;

namespace Iomete.Functions.Core.Tests.SystemConfig;

public sealed class SystemConfigValuesTests
{
    private static SystemConfigKey Key(SystemConfigType type) => new("k", type, "", "", Min: 0, Max: 10);

    [Theory]
    [InlineData(SystemConfigType.Int, " 7 ", "7")]
    [InlineData(SystemConfigType.Bool, "TRUE", "true")]
    [InlineData(SystemConfigType.Duration, "30s", "30s")]
    [InlineData(SystemConfigType.Duration, "7d", "7d")]
    [InlineData(SystemConfigType.Url, "https://grafana.example.com/d/x", "https://grafana.example.com/d/x")]
    [InlineData(SystemConfigType.Url, "/monitoring/d/x", "/monitoring/d/x")]
    [InlineData(SystemConfigType.Url, "", "")]
    [InlineData(SystemConfigType.String, "anything", "anything")]
    public void Normalize_WithValidValue_ReturnsStoredForm(SystemConfigType type, string raw, string expected)
    {
        var (value, error) = SystemConfigValues.Normalize(Key(type), raw);

        Assert.Null(error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(SystemConfigType.Int, "abc")]
    [InlineData(SystemConfigType.Int, "11")]
    [InlineData(SystemConfigType.Int, "-1")]
    [InlineData(SystemConfigType.Bool, "yes")]
    [InlineData(SystemConfigType.Duration, "30")]
    [InlineData(SystemConfigType.Duration, "5 weeks")]
    [InlineData(SystemConfigType.Url, "ftp://example.com")]
    [InlineData(SystemConfigType.Url, "//evil.example.com/x")]
    [InlineData(SystemConfigType.Url, "monitoring")]
    [InlineData(SystemConfigType.String, "line\nbreak")]
    public void Normalize_WithInvalidValue_ReturnsError(SystemConfigType type, string raw)
    {
        var (value, error) = SystemConfigValues.Normalize(Key(type), raw);

        Assert.Null(value);
        Assert.NotNull(error);
    }

    [Fact]
    public void ParseDuration_ReadsUnits()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(500), SystemConfigValues.ParseDuration("500ms"));
        Assert.Equal(TimeSpan.FromMinutes(5), SystemConfigValues.ParseDuration("5m"));
        Assert.Equal(TimeSpan.FromHours(2), SystemConfigValues.ParseDuration("2h"));
    }
}
