using System.Globalization;
using Iomete.Functions.Sql.Queries;
using Iomete.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Sql.Monitoring;

/// <summary>
/// What the monitoring lists filter on (IOMETE's query monitoring): users, time range, domain, compute, status, SQL text,
/// query id and a minimum duration. Null or empty means no filter.
/// </summary>
/// <param name="Domains">Only these domains; null = every domain (admin view only).</param>
/// <param name="UserIds">Only these users; null = every user.</param>
public sealed record MonitorFilter(
    IReadOnlyList<string>? Domains,
    IReadOnlyList<string>? UserIds,
    IReadOnlyList<string> Statuses,
    long FromMs,
    long? ToMs,
    IReadOnlyList<string> Computes,
    string? QueryId,
    long? MinDurationMs)
{
    public static readonly TimeSpan DefaultRange = TimeSpan.FromHours(24);

    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["submittedAt"] = "submitted_ms",
        ["finishedAt"] = "finished_ms",
        ["status"] = "status",
        ["computeCluster"] = "compute",
        ["userId"] = "user_id",
        ["domain"] = "domain",
        ["durationMs"] = QueryStore.DurationSql,
    };

    /// <summary>Reads the filters every monitoring list shares; <c>domain</c> and <c>userId</c> are left to the caller.</summary>
    public static MonitorFilter Read(HttpRequest request, DateTimeOffset now)
    {
        var statuses = ReadStatuses(request);
        var from = ReadInstant(request, "from") ?? now.Subtract(DefaultRange);
        var to = ReadInstant(request, "to");
        if (to is not null && to <= from)
        {
            throw ValidationException.ForField("to", "must be after 'from'");
        }
        long? minDuration = null;
        var rawDuration = request.Query["minDurationMs"].ToString();
        if (rawDuration.Length > 0)
        {
            minDuration = long.TryParse(rawDuration, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms >= 0
                ? ms
                : throw ValidationException.ForField("minDurationMs", "must be a whole number of milliseconds, 0 or more");
        }
        var queryId = request.Query["queryId"].ToString().Trim();
        return new MonitorFilter(null, null, statuses, from.ToUnixTimeMilliseconds(), to?.ToUnixTimeMilliseconds(),
            List(request, "computeCluster"), queryId.Length == 0 ? null : queryId, minDuration);
    }

    /// <summary>The <c>status</c> parameter: known query statuses, upper-cased; 400 for an unknown one.</summary>
    public static List<string> ReadStatuses(HttpRequest request)
    {
        var statuses = List(request, "status").Select(s => s.ToUpperInvariant()).Distinct().ToList();
        var unknown = statuses.Where(c => QueryStatuses.FromCode(c) is null).ToList();
        if (unknown.Count > 0)
        {
            throw ValidationException.ForField("status",
                $"unknown status {string.Join(", ", unknown)}; use {string.Join(", ", Enum.GetValues<QueryStatus>().Select(QueryStatuses.Code))}");
        }
        return statuses;
    }

    /// <summary>A repeatable, comma-separated query parameter (<c>?status=RUNNING,FAILED&amp;status=CANCELLED</c>).</summary>
    public static List<string> List(HttpRequest request, string name) =>
        request.Query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>An ISO 8601 instant parameter, or null when absent; 400 when it does not parse.</summary>
    public static DateTimeOffset? ReadInstant(HttpRequest request, string name)
    {
        var raw = request.Query[name].ToString();
        if (raw.Length == 0)
        {
            return null;
        }
        return DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw ValidationException.ForField(name, "must be an ISO 8601 instant such as 2026-11-28T10:00:00Z");
    }
}
