using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.EventStreams.Streams;

/// <summary>A stream's live figures; all zeros and <c>running: false</c> when it has no pipeline in this process.</summary>
public sealed record EventStreamMetricsView(string StreamId, string Name, string Namespace, EventStreamStatus Status, bool Running, StreamMetrics Metrics);

public sealed class GetEventStreamMetrics(ICallerAccessor callers, StreamAccess access, IStreamRuntime runtime)
{
    [Function("eventstreams-streams-metrics")]
    [OpenApiOperation("Event streams", "Live metrics of an event stream (VIEW)",
        Description = "Events and bytes per second over the last minute, totals since the pipeline started, pending bytes and events, " +
                      "commit latency (last and p99), last commit time, errors, throttled requests, compactions and per-table backlog.")]
    [OpenApiResponse(200, typeof(EventStreamMetricsView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/event-streams/{id}/metrics")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var stream = await access.RequireAsync(caller, domain, id, StreamAccess.View, ct);
        var metrics = runtime.Metrics(id);
        return ApiResults.Ok(new EventStreamMetricsView(stream.Id, stream.Name, stream.Namespace, stream.Status, metrics is not null,
            metrics ?? new StreamMetrics()));
    }
}
