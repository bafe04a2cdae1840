using Iomete.Functions.Health.Monitoring;

namespace Iomete.Functions.Health.History;

/// <summary>One component's samples within one clock hour (UTC).</summary>
/// <param name="ObservedMs">The time the samples stand for (each covers the interval since the round before it).</param>
/// <param name="FailingMs">The part of <paramref name="ObservedMs"/> whose samples failed.</param>
public sealed record HourSamples(string Component, long HourMs, int Samples, int Failures, long ObservedMs, long FailingMs)
{
    public HourSamples Add(HourSamples other) =>
        this with
        {
            Samples = Samples + other.Samples,
            Failures = Failures + other.Failures,
            ObservedMs = ObservedMs + other.ObservedMs,
            FailingMs = FailingMs + other.FailingMs,
        };
}

/// <summary>One of the 48 bars: its hour, colour under the chosen metric, and the figures behind it.</summary>
public sealed record HealthBar(DateTimeOffset Start, HealthStatus Status, int Samples, int Failures, int FailingSeconds);

/// <summary>Turns hourly samples into the 48 bars of the last 48 hours and the uptime over them.</summary>
public static class HourlyBars
{
    public const int Hours = 48;

    public static long HourStart(DateTimeOffset at)
    {
        var ms = at.ToUnixTimeMilliseconds();
        return ms - (ms % (long)TimeSpan.FromHours(1).TotalMilliseconds);
    }

    /// <summary>The first hour of the 48-hour window that ends with the hour of <paramref name="now"/>.</summary>
    public static long WindowStart(DateTimeOffset now) => HourStart(now) - (Hours - 1) * (long)TimeSpan.FromHours(1).TotalMilliseconds;

    /// <summary>The bar of one hour: NO_DATA without samples, OUTAGE when its failing time exceeds the metric's threshold.</summary>
    public static HealthStatus Classify(HourSamples? hour, OutageMetric metric) =>
        hour is null || hour.Samples == 0 ? HealthStatus.NoData
        : hour.FailingMs > (long)metric.Threshold().TotalMilliseconds ? HealthStatus.Outage
        : HealthStatus.Operational;

    /// <summary>48 bars, oldest first; the last one is the current (partial) hour.</summary>
    public static IReadOnlyList<HealthBar> Compute(IEnumerable<HourSamples> hours, DateTimeOffset now, OutageMetric metric)
    {
        var byHour = hours.GroupBy(h => h.HourMs).ToDictionary(g => g.Key, g => g.Aggregate((a, b) => a.Add(b)));
        var first = WindowStart(now);
        var hourMs = (long)TimeSpan.FromHours(1).TotalMilliseconds;
        var bars = new List<HealthBar>(Hours);
        for (var i = 0; i < Hours; i++)
        {
            var start = first + i * hourMs;
            byHour.TryGetValue(start, out var hour);
            bars.Add(new HealthBar(DateTimeOffset.FromUnixTimeMilliseconds(start), Classify(hour, metric),
                hour?.Samples ?? 0, hour?.Failures ?? 0, (int)((hour?.FailingMs ?? 0) / 1000)));
        }
        return bars;
    }

    /// <summary>The share of observed time that was not failing over the window, in percent (two decimals); null without samples.</summary>
    public static double? Uptime(IEnumerable<HourSamples> hours, DateTimeOffset now)
    {
        var first = WindowStart(now);
        var inWindow = hours.Where(h => h.HourMs >= first).ToList();
        var observed = inWindow.Sum(h => h.ObservedMs);
        if (observed <= 0)
        {
            return null;
        }
        var failing = Math.Min(observed, inWindow.Sum(h => h.FailingMs));
        return Math.Round(100.0 * (observed - failing) / observed, 2, MidpointRounding.ToZero);
    }
}
