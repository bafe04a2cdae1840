using Iomete.Console.Push;

namespace Iomete.Console.Tests;

public sealed class SseParserTests
{
    private static List<SseEvent> Parse(params string[] lines)
    {
        var parser = new SseParser();
        return [.. lines.Select(parser.Feed).OfType<SseEvent>()];
    }

    [Fact]
    public void AnEvent_IsDispatchedAtTheBlankLine_WithItsTypeIdAndData()
    {
        var events = Parse("id: 7", "event: sql.query", "data: {\"a\":1}", "");
        var e = Assert.Single(events);
        Assert.Equal(("sql.query", "{\"a\":1}", "7"), (e.Type, e.Data, e.Id));
    }

    [Fact]
    public void Comments_AndFramesWithoutData_DispatchNothing()
    {
        Assert.Empty(Parse(": heartbeat", "", "retry: 3000", ""));
    }

    [Fact]
    public void DataLines_AreJoinedWithNewlines_AndTheTypeDefaultsToMessage()
    {
        var e = Assert.Single(Parse("data: one", "data:two", ""));
        Assert.Equal(("message", "one\ntwo"), (e.Type, e.Data));
    }

    [Fact]
    public void TheLastEventId_IsKept_AcrossEventsWithoutAnId()
    {
        var parser = new SseParser();
        foreach (var line in new[] { "id: 41", "data: x", "", "data: y", "" })
        {
            parser.Feed(line);
        }
        Assert.Equal("41", parser.LastEventId);
    }
}
