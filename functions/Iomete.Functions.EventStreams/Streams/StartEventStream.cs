using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.EventStreams.Streams;

public sealed class StartEventStream(ICallerAccessor callers, StreamAccess access, EventStreamStore store, IStreamRuntime runtime)
{
    [Function("eventstreams-streams-start")]
    [OpenApiOperation("Event streams", "Start a stopped event stream (EXECUTE)",
        Description = "The status becomes STARTING, then ACTIVE once the pipeline has recovered its write-ahead log. A running stream is left as it is.")]
    [OpenApiResponse(200, typeof(EventStreamView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/event-streams/{id}/start")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var stream = await access.RequireAsync(caller, domain, id, StreamAccess.Execute, ct);
        if (stream.Status != EventStreamStatus.Stopped)
        {
            return ApiResults.Ok(EventStreamView.From(stream));
        }
        await store.SetStatusAsync(id, EventStreamStatus.Starting, ct);
        var starting = await store.GetAsync(id, ct) ?? throw new Platform.Errors.NotFoundException("Event stream", id);
        runtime.Start(starting);
        return ApiResults.Ok(EventStreamView.From(starting));
    }
}
