using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.EventStreams.Streams;

public sealed class TerminateEventStream(ICallerAccessor callers, StreamAccess access, EventStreamStore store, IStreamRuntime runtime)
{
    [Function("eventstreams-streams-terminate")]
    [OpenApiOperation("Event streams", "Terminate (stop) an event stream (EXECUTE)",
        Description = "Stops accepting events, commits every acknowledged event to its table, then answers with status STOPPED.")]
    [OpenApiResponse(200, typeof(EventStreamView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/event-streams/{id}/terminate")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var stream = await access.RequireAsync(caller, domain, id, StreamAccess.Execute, ct);
        // Drained first: STOPPED promises that every acknowledged event is in its table.
        await runtime.StopAsync(id, ct);
        if (stream.Status != EventStreamStatus.Stopped)
        {
            await store.SetStatusAsync(id, EventStreamStatus.Stopped, ct);
        }
        var stopped = await store.GetAsync(id, ct) ?? throw new Platform.Errors.NotFoundException("Event stream", id);
        return ApiResults.Ok(EventStreamView.From(stopped));
    }
}
