using System.Text.Json;
using Iomete.Console.Pages.Jobs;

namespace Iomete.Console.Tests.Jobs;

public sealed class RunTimelineTests : ConsoleTestContext
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Bars_SpanFromStartToEnd_OverTheWindowOfAllRuns()
    {
        var (bars, from, to) = RunTimelineLayout.Map(
        [
            new("r1", "COMPLETED", T0, T0, T0.AddMinutes(10)),
            new("r2", "FAILED", T0.AddMinutes(30), T0.AddMinutes(30), T0.AddMinutes(40)),
        ], T0.AddHours(1));
        Assert.Equal((T0, T0.AddMinutes(40)), (from, to));
        Assert.Equal(0, bars[0].Left, 3);
        Assert.Equal(25, bars[0].Width, 3);
        Assert.Equal(75, bars[1].Left, 3);
        Assert.Equal(25, bars[1].Width, 3);
        Assert.All(bars, b => Assert.Equal(0, b.Lane));
    }

    [Fact]
    public void ARunningRun_ReachesNow_AndOverlappingRunsTakeAnotherLane()
    {
        var now = T0.AddMinutes(20);
        var (bars, _, to) = RunTimelineLayout.Map(
        [
            new("r1", "RUNNING", T0, T0, null),
            new("r2", "ENQUEUED", T0.AddMinutes(10), null, null),
        ], now);
        Assert.Equal(now, to);
        Assert.Equal(100, bars[0].Width, 3);
        Assert.Equal(1, bars[1].Lane);
        Assert.Equal(50, bars[1].Left, 3);
    }

    [Fact]
    public void AnInstantRun_StaysVisible()
    {
        var (bars, _, _) = RunTimelineLayout.Map(
        [
            new("r1", "COMPLETED", T0, T0, T0.AddMilliseconds(5)),
            new("r2", "COMPLETED", T0.AddHours(1), T0.AddHours(1), T0.AddHours(2)),
        ], T0.AddHours(3));
        Assert.Equal(RunTimelineLayout.MinWidth, bars[0].Width, 3);
    }

    [Fact]
    public void TheApisRuns_MapToBars_ColouredByState_WithLinksToTheirDetail()
    {
        var json = JsonDocument.Parse("""
            [{"id":"r1","status":"COMPLETED","createdAt":"2026-11-29T08:00:00+00:00","startedAt":"2026-11-29T08:00:01+00:00","terminationTime":"2026-11-29T08:00:11+00:00"},
             {"id":"r2","status":"FAILED","createdAt":"2026-11-29T08:01:00+00:00","startedAt":"2026-11-29T08:01:00+00:00","terminationTime":"2026-11-29T08:01:05+00:00"}]
            """).RootElement;
        var runs = json.EnumerateArray().Select(Pages.Jobs.JobDetail.ToTimeline).ToList();
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 8, 0, 11, TimeSpan.Zero), runs[0].EndedAt);
        var timeline = Render<JobRunsTimeline>(p => p.Add(x => x.Runs, runs).Add(x => x.RunLink, id => "/default/jobs/j/runs/" + id).Add(x => x.Now, T0.AddHours(1)));
        var rects = timeline.FindAll("[data-testid=timeline-bar]");
        Assert.Equal(["COMPLETED", "FAILED"], rects.Select(r => r.GetAttribute("data-state")));
        Assert.Equal("var(--mud-palette-error)", rects[1].GetAttribute("fill"));
        Assert.Equal("/default/jobs/j/runs/r2", timeline.FindAll("a")[1].GetAttribute("href"));
    }
}
