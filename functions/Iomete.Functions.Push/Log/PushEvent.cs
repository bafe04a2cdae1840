using Iomete.Functions.Push.Visibility;
using System.Text;

namespace Iomete.Functions.Push.Log;

/// <summary>An event to append: what it is, who may see it, and its JSON payload (the SSE <c>data:</c>).</summary>
public sealed record PushDraft(string EventId, string Type, string Topic, Audience Audience, string Payload, DateTimeOffset At);

/// <summary>An event of the push log, with its SSE frame formatted once for every connection that receives it.</summary>
public sealed class PushEvent
{
    public PushEvent(long seq, string type, string topic, Audience audience, string payload, DateTimeOffset at)
    {
        Seq = seq;
        Type = type;
        Topic = topic;
        Audience = audience;
        Payload = payload;
        At = at;
        Frame = seq == TransientSeq ? SseFrames.EventWithoutId(type, payload) : SseFrames.Event(seq, type, payload);
    }

    /// <summary>
    /// The sequence of an event offered while the push log cannot be written (its database is down): sent without an
    /// <c>id:</c> line, so a client's <c>Last-Event-ID</c> does not move; the bus redelivers it and it is logged later.
    /// </summary>
    public const long TransientSeq = 0;

    public bool IsTransient => Seq == TransientSeq;

    public long Seq { get; }
    public string Type { get; }
    public string Topic { get; }
    public Audience Audience { get; }
    public string Payload { get; }
    public DateTimeOffset At { get; }

    /// <summary><c>id:</c>, <c>event:</c> and <c>data:</c> lines and the blank line that ends the frame, UTF-8.</summary>
    public byte[] Frame { get; }
}

/// <summary>The Server-Sent Events wire format (WHATWG HTML §9.2), written by hand: exact and allocation-light.</summary>
internal static class SseFrames
{
    public static byte[] Event(long id, string type, string data) =>
        Encoding.UTF8.GetBytes(EventText(id, type, data));

    public static string EventText(long id, string type, string data)
    {
        // Compact JSON never holds a raw line break; a payload with one would need a data: line per line.
        if (data.Contains('\n', StringComparison.Ordinal) || data.Contains('\r', StringComparison.Ordinal))
        {
            throw new ArgumentException("An event's data must be one line.", nameof(data));
        }
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"id: {id}\nevent: {type}\ndata: {data}\n\n");
    }

    public static byte[] EventWithoutId(string type, string data)
    {
        if (data.Contains('\n', StringComparison.Ordinal) || data.Contains('\r', StringComparison.Ordinal))
        {
            throw new ArgumentException("An event's data must be one line.", nameof(data));
        }
        return Encoding.UTF8.GetBytes($"event: {type}\ndata: {data}\n\n");
    }

    public static byte[] Comment(string text) => Encoding.UTF8.GetBytes($": {text}\n\n");

    public static byte[] Retry(int milliseconds) =>
        Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"retry: {milliseconds}\n\n"));
}
