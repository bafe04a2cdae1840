namespace Iomete.Console.Pages.Jobs;

/// <summary>One run as the timeline shows it.</summary>
public sealed record TimelineRun(string Id, string State, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt);

/// <summary>One bar: where it starts and how wide it is (percent of the window), its state and its tooltip.</summary>
public sealed record TimelineBar(string RunId, string State, double Left, double Width, int Lane, string Label);

/// <summary>
/// Maps recent runs onto a horizontal time window: each bar spans from start (or creation, while queued) to end (or now),
/// at least a sliver wide so a short run stays visible; overlapping runs go to the next lane.
/// </summary>
public static class RunTimelineLayout
{
    public const double MinWidth = 0.6;

    public static (IReadOnlyList<TimelineBar> Bars, DateTimeOffset From, DateTimeOffset To) Map(IEnumerable<TimelineRun> runs, DateTimeOffset now)
    {
        var list = runs.OrderBy(r => r.CreatedAt).ToList();
        if (list.Count == 0)
        {
            return ([], now.AddHours(-1), now);
        }
        var from = list.Min(r => r.StartedAt ?? r.CreatedAt);
        var to = list.Max(r => r.EndedAt ?? now);
        if (to <= from)
        {
            to = from.AddSeconds(1);
        }
        var span = (to - from).TotalMilliseconds;
        var laneEnds = new List<double>();
        var bars = new List<TimelineBar>();
        foreach (var run in list)
        {
            var start = run.StartedAt ?? run.CreatedAt;
            var end = run.EndedAt ?? (JobPaths.IsTerminal(run.State) ? start : now);
            var left = (start - from).TotalMilliseconds / span * 100;
            var width = Math.Max(MinWidth, (end - start).TotalMilliseconds / span * 100);
            left = Math.Min(left, 100 - MinWidth);
            var lane = laneEnds.FindIndex(e => e <= left);
            if (lane < 0)
            {
                lane = laneEnds.Count;
                laneEnds.Add(0);
            }
            laneEnds[lane] = left + width;
            bars.Add(new TimelineBar(run.Id, run.State, left, Math.Min(width, 100 - left), lane,
                $"{run.State} · {JobPaths.Duration((long)(end - start).TotalMilliseconds)} · {start.ToLocalTime():yyyy-MM-dd HH:mm:ss}"));
        }
        return (bars, from, to);
    }
}
