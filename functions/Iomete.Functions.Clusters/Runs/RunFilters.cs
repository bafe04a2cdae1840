using System.Globalization;
using Iomete.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Clusters.Runs;

/// <summary>Query-string filters of the run lists.</summary>
internal static class RunFilters
{
    /// <summary>Paging and sorting; without a <c>sort</c>, newest first.</summary>
    public static Iomete.Platform.Http.ListQuery Query(HttpRequest request)
    {
        var query = Iomete.Platform.Http.ListQuery.From(request, SparkRunStore.Sortable, "createdAt");
        return request.Query.ContainsKey("sort") ? query : query with { Descending = true };
    }

    public static string? Status(HttpRequest request)
    {
        var status = Optional(request, "status")?.ToUpperInvariant();
        return status is null || RunStatus.All.Contains(status)
            ? status
            : throw ValidationException.ForField("status", $"must be one of: {string.Join(", ", RunStatus.All)}");
    }

    public static DateTimeOffset? Instant(HttpRequest request, string name)
    {
        var raw = Optional(request, name);
        if (raw is null)
        {
            return null;
        }
        return DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw ValidationException.ForField(name, "must be an ISO-8601 instant, e.g. 2026-11-28T10:00:00Z");
    }

    /// <summary>A look-back like <c>30s</c>, <c>5m</c>, <c>1h</c>, <c>2d</c>, in seconds.</summary>
    public static long? Range(HttpRequest request)
    {
        var raw = Optional(request, "range");
        if (raw is null)
        {
            return null;
        }
        var unit = raw[^1];
        if (raw.Length < 2 || !long.TryParse(raw[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > 100_000)
        {
            throw ValidationException.ForField("range", "must be a number and a unit: s, m, h or d (e.g. 5m, 1h)");
        }
        return unit switch
        {
            's' => n,
            'm' => n * 60,
            'h' => n * 3600,
            'd' => n * 86_400,
            _ => throw ValidationException.ForField("range", "must be a number and a unit: s, m, h or d (e.g. 5m, 1h)"),
        };
    }

    public static string? Optional(HttpRequest request, string name) =>
        request.Query[name].ToString() is { Length: > 0 } value ? value.Trim() : null;
}
