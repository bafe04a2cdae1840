using System.ComponentModel.DataAnnotations;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.EventStreams.Streams;

public sealed record ScaleEventStreamRequest
{
    [Required]
    [Range(StreamResources.MinReplicas, StreamResources.MaxReplicas)]
    public int? Replicas { get; init; }

    /// <summary>Optional: the version that was read; without it the scale applies to the current version.</summary>
    public long? Version { get; init; }
}

public sealed class ScaleEventStream(ICallerAccessor callers, StreamAccess access, EventStreamStore store, IStreamRuntime runtime)
{
    [Function("eventstreams-streams-scale")]
    [OpenApiOperation("Event streams", "Scale an event stream (UPDATE)", Description = "Sets the replica count (1 to 10).")]
    [OpenApiRequestBody(typeof(ScaleEventStreamRequest))]
    [OpenApiResponse(200, typeof(EventStreamView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/event-streams/{id}/scale")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainAsync(caller, domain, ct);
        var body = await RequestBody.ReadAsync<ScaleEventStreamRequest>(request, ct);
        var current = await access.RequireAsync(caller, domain, id, StreamAccess.Update, ct);
        if (current.Replicas == body.Replicas && (body.Version is null || body.Version == current.Version))
        {
            return ApiResults.Ok(EventStreamView.From(current));
        }
        var updated = await store.UpdateAsync(current with { Replicas = body.Replicas!.Value }, body.Version ?? current.Version, ct);
        if (updated.Status != EventStreamStatus.Stopped)
        {
            runtime.Start(updated);
        }
        return ApiResults.Ok(EventStreamView.From(updated));
    }
}
