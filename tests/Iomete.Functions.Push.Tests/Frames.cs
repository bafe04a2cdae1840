using System.Text.Json;
using Iomete.Platform.Messaging;

namespace Iomete.Functions.Push.Tests;

internal static class Frames
{
    /// <summary>Every event up to and including the first that matches (comments skipped).</summary>
    public static async Task<IReadOnlyList<SseFrame>> UntilAsync(this SseClient sse, Func<SseFrame, bool> match, TimeSpan? timeout = null)
    {
        var seen = new List<SseFrame>();
        var deadline = DateTime.UtcNow + (timeout ?? SseClient.DefaultTimeout);
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No matching event arrived; saw {string.Join(" | ", seen.Select(f => f.Event + " " + f.Data))}");
            }
            SseFrame frame;
            try
            {
                frame = await sse.NextEventAsync(left);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"No matching event arrived; saw {string.Join(" | ", seen.Select(f => f.Event + " " + f.Data))}");
            }
            seen.Add(frame);
            if (match(frame))
            {
                return seen;
            }
        }
    }

    /// <summary>The first event whose data mentions <paramref name="marker"/>.</summary>
    public static async Task<SseFrame> FirstMentioningAsync(this SseClient sse, string marker, TimeSpan? timeout = null) =>
        (await sse.UntilAsync(f => f.Mentions(marker), timeout))[^1];

    public static bool Mentions(this SseFrame frame, string marker) =>
        frame.Data?.Contains(marker, StringComparison.Ordinal) == true;

    public static JsonElement Json(this SseFrame frame) => JsonDocument.Parse(frame.Data!).RootElement.Clone();

    public static long Seq(this SseFrame frame) => long.Parse(frame.Id!, System.Globalization.CultureInfo.InvariantCulture);

    public static HealthStatusChanged Health(string component, string status = "OUTAGE") =>
        new(component, "OPERATIONAL", status, status == "OUTAGE" ? "probe failed" : null, DateTimeOffset.UtcNow);

    public static SqlQueryStateChanged Query(string queryId, string userId, string status = "RUNNING") =>
        new(PushFixture.Domain, queryId, userId, "local", "QUEUED", status, null, DateTimeOffset.UtcNow);
}
