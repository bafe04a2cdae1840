using Iomete.Functions.Push.Visibility;
using Iomete.Platform.Functions;
using Iomete.Platform.Messaging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Push.Sources;

/// <summary>Pushes an event stream's state change to those who may view it</summary>
public sealed class OnEventStreamState(PushIntake intake)
{
    [Function("push-on-event-stream-state")]
    [TopicSubscription(PlatformTopics.EventStreams)]
    [OpenApiOperation("Internal", "Pushes an event stream's state change to those who may view it (platform only; a pub/sub subscription)")]
    [OpenApiRequestBody(typeof(CloudEvent<EventStreamStateChanged>))]
    [OpenApiResponse(200, typeof(PushAppendResult))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/push/subscriptions/event-streams")] HttpRequest request,
        CancellationToken ct) =>
        intake.AcceptAsync<EventStreamStateChanged>(request, PlatformTopics.EventStreams, change => new PushMapping(PushEventTypes.EventStreamState, PushTopics.EventStreams, new Audience(AudienceKinds.EventStream, change.Domain, change.StreamId, Deletion: change.State == "DELETED"), change, change.At), ct);
}
