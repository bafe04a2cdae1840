using Iomete.Functions.Health.History;
using Iomete.Functions.Health.Monitoring;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Health.Tests.Unit;

public sealed class HourlyBarsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 25, 0, TimeSpan.Zero);
    private static readonly long ThisHour = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static HourSamples Hour(long hourMs, int failingSeconds, int samples = 360) =>
        new("metadata-db", hourMs, samples, failingSeconds / 10, samples * 10_000L, failingSeconds * 1000L);

    [Theory]
    [InlineData(OutageMetric.P100, HealthStatus.Outage)]
    [InlineData(OutageMetric.P99, HealthStatus.Outage)]
    [InlineData(OutageMetric.P95, HealthStatus.Operational)]
    [InlineData(OutageMetric.P90, HealthStatus.Operational)]
    [InlineData(OutageMetric.P50, HealthStatus.Operational)]
    public void FortySecondsFailingInAnHour_IsAnOutageOnlyUnderP100AndP99(OutageMetric metric, HealthStatus expected) =>
        Assert.Equal(expected, HourlyBars.Classify(Hour(ThisHour, 40), metric));

    [Theory]
    [InlineData(OutageMetric.P100, 1, HealthStatus.Outage)]
    [InlineData(OutageMetric.P100, 0, HealthStatus.Operational)]
    [InlineData(OutageMetric.P99, 36, HealthStatus.Operational)]
    [InlineData(OutageMetric.P99, 37, HealthStatus.Outage)]
    [InlineData(OutageMetric.P95, 180, HealthStatus.Operational)]
    [InlineData(OutageMetric.P95, 181, HealthStatus.Outage)]
    [InlineData(OutageMetric.P90, 360, HealthStatus.Operational)]
    [InlineData(OutageMetric.P90, 361, HealthStatus.Outage)]
    [InlineData(OutageMetric.P50, 1800, HealthStatus.Operational)]
    [InlineData(OutageMetric.P50, 1801, HealthStatus.Outage)]
    public void Thresholds_AreStrictlyGreaterThan(OutageMetric metric, int failingSeconds, HealthStatus expected) =>
        Assert.Equal(expected, HourlyBars.Classify(Hour(ThisHour, failingSeconds), metric));

    [Fact]
    public void AnHourWithoutSamples_IsNoData() =>
        Assert.Equal(HealthStatus.NoData, HourlyBars.Classify(null, OutageMetric.P100));

    [Fact]
    public void Compute_Returns48HourlyBars_OldestFirst_EndingWithTheCurrentHour()
    {
        var hourMs = (long)TimeSpan.FromHours(1).TotalMilliseconds;
        var bars = HourlyBars.Compute([Hour(ThisHour, 400), Hour(ThisHour - 47 * hourMs, 0), Hour(ThisHour - 48 * hourMs, 3600)], Now, OutageMetric.P90);

        Assert.Equal(48, bars.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(ThisHour - 47 * hourMs), bars[0].Start);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(ThisHour), bars[^1].Start);
        Assert.Equal(HealthStatus.Operational, bars[0].Status);
        Assert.Equal(HealthStatus.Outage, bars[^1].Status);
        Assert.Equal(400, bars[^1].FailingSeconds);
        Assert.Equal(360, bars[^1].Samples);
        Assert.All(bars.Skip(1).SkipLast(1), b => Assert.Equal(HealthStatus.NoData, b.Status));
    }

    [Fact]
    public void Uptime_IsTheShareOfObservedTimeNotFailing_WithinTheWindowOnly()
    {
        var hourMs = (long)TimeSpan.FromHours(1).TotalMilliseconds;
        // Two observed hours (7200 s), 72 s failing: 99.00 %; the hour outside the window does not count.
        var uptime = HourlyBars.Uptime([Hour(ThisHour, 72), Hour(ThisHour - hourMs, 0), Hour(ThisHour - 48 * hourMs, 3600)], Now);

        Assert.Equal(99.0, uptime);
        Assert.Null(HourlyBars.Uptime([], Now));
    }

    [Theory]
    [InlineData(null, OutageMetric.P90)]
    [InlineData("", OutageMetric.P90)]
    [InlineData("p95", OutageMetric.P95)]
    [InlineData("P100", OutageMetric.P100)]
    [InlineData("P50", OutageMetric.P50)]
    public void Metric_ParsesCaseInsensitively_DefaultingToP90(string? text, OutageMetric expected) =>
        Assert.Equal(expected, OutageMetrics.Parse(text));

    [Theory]
    [InlineData("P75")]
    [InlineData("99")]
    [InlineData("P90;DROP")]
    public void UnknownMetric_IsAValidationError(string text)
    {
        var error = Assert.Throws<ValidationException>(() => OutageMetrics.Parse(text));
        Assert.Equal(400, error.Status);
        Assert.Contains("metric", error.Errors!.Keys);
    }
}
