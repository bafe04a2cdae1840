using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.EventStreams.Streams;

public sealed class GetEventStream(ICallerAccessor callers, StreamAccess access)
{
    [Function("eventstreams-streams-get")]
    [OpenApiOperation("Event streams", "Read an event stream (VIEW)")]
    [OpenApiResponse(200, typeof(EventStreamView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/event-streams/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var stream = await access.RequireAsync(caller, domain, id, StreamAccess.View, ct);
        return ApiResults.Ok(EventStreamView.From(stream));
    }
}
