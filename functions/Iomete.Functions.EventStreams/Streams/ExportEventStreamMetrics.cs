using System.Text;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.EventStreams.Streams;

public sealed class ExportEventStreamMetrics(ICallerAccessor callers, StreamAccess access, EventStreamStore store, IStreamRuntime runtime)
{
    [Function("eventstreams-metrics-prometheus")]
    [OpenApiOperation("Event streams", "Prometheus metrics of the domain's event streams the caller may view",
        Description = "Text exposition format 0.0.4, families iomete_event_stream_*, labels domain, namespace, stream (and table). " +
                      "Scrape with an access token in 'Authorization: Bearer <token>'.")]
    [OpenApiResponse(200, typeof(string), ContentType = "text/plain")]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/event-streams/metrics")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainAsync(caller, domain, ct);
        var everything = new ListQuery(0, int.MaxValue, "name", false, null);
        var all = await store.ListAsync(domain, new EventStreamFilter(), everything, ct);
        var visible = new List<(EventStream, StreamMetrics?)>();
        foreach (var stream in all.Items)
        {
            if (StreamAccess.SeesEverything(caller) || await access.AllowsAsync(caller, stream.Id, StreamAccess.View, ct))
            {
                visible.Add((stream, runtime.Metrics(stream.Id)));
            }
        }
        return ApiResults.Bytes(Encoding.UTF8.GetBytes(StreamPrometheus.Write(visible)), PrometheusWriter.ContentType);
    }
}
