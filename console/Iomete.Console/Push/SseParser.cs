namespace Iomete.Console.Push;

/// <summary>One dispatched Server-Sent Event: the fields the WHATWG rules collect up to a blank line.</summary>
public sealed record SseEvent(string Type, string Data, string? Id);

/// <summary>
/// The WHATWG event-stream parsing rules, fed one line at a time: comments ignored, <c>data:</c> lines joined with
/// newlines, the type defaulting to <c>message</c>, an event dispatched at a blank line when it has data.
/// </summary>
public sealed class SseParser
{
    private readonly List<string> data = [];
    private string? type;
    private string? id;

    /// <summary>The last <c>id:</c> seen, kept across events, for <c>Last-Event-ID</c> on reconnect.</summary>
    public string? LastEventId { get; private set; }

    public SseEvent? Feed(string line)
    {
        if (line.Length == 0)
        {
            var dispatched = data.Count > 0 ? new SseEvent(type ?? "message", string.Join('\n', data), id) : null;
            data.Clear();
            type = null;
            id = null;
            return dispatched;
        }
        if (line[0] == ':')
        {
            return null;
        }
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        var field = colon < 0 ? line : line[..colon];
        var value = colon < 0 ? "" : line[(colon + 1)..];
        if (value.StartsWith(' '))
        {
            value = value[1..];
        }
        switch (field)
        {
            case "data":
                data.Add(value);
                break;
            case "event":
                type = value;
                break;
            case "id" when !value.Contains('\0', StringComparison.Ordinal):
                id = value;
                LastEventId = value;
                break;
        }
        return null;
    }
}
