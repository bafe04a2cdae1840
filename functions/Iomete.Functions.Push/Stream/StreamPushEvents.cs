using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Push.Stream;

public sealed class StreamPushEvents(ICallerAccessor callers, PushStreamer streamer)
{
    [Function("push-events-stream")]
    [OpenApiOperation("Push", "Stream platform changes as Server-Sent Events",
        Description = "A text/event-stream of health, SQL query, Spark run, compute, event-stream, catalog and maintenance changes, " +
                      "each only to callers allowed to see its resource. Frames: `id: <sequence>`, `event: <type>`, `data: <json>`; " +
                      "a `retry:` hint first, a `ready` event once live, a `: heartbeat` comment every 15 s. Reconnect with `Last-Event-ID` " +
                      "(or `?lastEventId=`) to receive every missed event; a `reset` event says the id is older than the log (refetch state). " +
                      "A `closed` event ends the stream when the token is revoked or expires. See docs/real-time-push.md.")]
    [OpenApiQuery("topics", "Comma-separated: health, queries, spark-runs, compute, event-streams, catalog, maintenance (default: all)")]
    [OpenApiQuery("lastEventId", "The id of the last event received (instead of the Last-Event-ID header)", Type = "integer")]
    [OpenApiResponse(200, typeof(string), ContentType = "text/event-stream", Description = "The event stream (never ends on its own)")]
    [OpenApiResponse(400)]
    [OpenApiResponse(401)]
    [OpenApiResponse(429)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/push/events")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var types = PushRequest.Types(request);
        var lastEventId = PushRequest.LastEventId(request);
        var connection = await streamer.AttachAsync(types, ct);
        return new PushStreamResult(streamer, caller, connection, lastEventId);
    }
}

/// <summary>Streams until the client leaves: executed by the host after the function returned, like any result.</summary>
internal sealed class PushStreamResult(PushStreamer streamer, Caller caller, PushConnection connection, long? lastEventId) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => streamer.RunAsync(context.HttpContext, caller, connection, lastEventId);
}
