using Iomete.Platform.Errors;

namespace Iomete.Functions.Health.History;

/// <summary>
/// How much failing time turns an hourly bar into an outage (IOMETE's selectable metric): P100 any failure, P99 more than
/// 36 s, P95 more than 3 min, P90 more than 6 min (the default), P50 more than 30 min of failing per hour.
/// </summary>
public enum OutageMetric
{
    P100,
    P99,
    P95,
    P90,
    P50,
}

public static class OutageMetrics
{
    public const OutageMetric Default = OutageMetric.P90;

    /// <summary>A bar is an outage when its failing time exceeds this (strictly).</summary>
    public static TimeSpan Threshold(this OutageMetric metric) => metric switch
    {
        OutageMetric.P100 => TimeSpan.Zero,
        OutageMetric.P99 => TimeSpan.FromSeconds(36),
        OutageMetric.P95 => TimeSpan.FromMinutes(3),
        OutageMetric.P90 => TimeSpan.FromMinutes(6),
        OutageMetric.P50 => TimeSpan.FromMinutes(30),
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    /// <summary>The metric named by <c>?metric=</c> (case-insensitive), the default when absent; 400 for anything else.</summary>
    public static OutageMetric Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }
        foreach (var metric in Enum.GetValues<OutageMetric>())
        {
            if (string.Equals(metric.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return metric;
            }
        }
        throw ValidationException.ForField("metric", "must be one of P100, P99, P95, P90, P50");
    }
}
