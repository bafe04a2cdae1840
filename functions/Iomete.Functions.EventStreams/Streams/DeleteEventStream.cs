using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.EventStreams.Streams;

public sealed class DeleteEventStream(
    ICallerAccessor callers, StreamAccess access, IAssetRegistry assets, EventStreamStore store, IStreamRuntime runtime)
{
    [Function("eventstreams-streams-delete")]
    [OpenApiOperation("Event streams", "Delete an event stream (DELETE)",
        Description = "Stops it (committing every acknowledged event), removes it and its local write-ahead log. The tables it wrote stay.")]
    [OpenApiResponse(204)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/domains/{domain}/event-streams/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireAsync(caller, domain, id, StreamAccess.Delete, ct);
        await runtime.StopAsync(id, ct);
        await store.DeleteAsync(id, ct);
        await assets.UnregisterAsync(AssetType.EventStream, id, ct);
        await runtime.ForgetAsync(id, ct);
        return ApiResults.NoContent();
    }
}
