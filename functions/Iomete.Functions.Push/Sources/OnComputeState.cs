using Iomete.Functions.Push.Visibility;
using Iomete.Platform.Functions;
using Iomete.Platform.Messaging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Push.Sources;

/// <summary>Pushes a compute cluster's state change to those who may view it</summary>
public sealed class OnComputeState(PushIntake intake, TimeProvider clock)
{
    [Function("push-on-compute-state")]
    [TopicSubscription(ClusterTopicNames.Compute)]
    [OpenApiOperation("Internal", "Pushes a compute cluster's state change to those who may view it (platform only; a pub/sub subscription)")]
    [OpenApiRequestBody(typeof(CloudEvent<ComputeChange>))]
    [OpenApiResponse(200, typeof(PushAppendResult))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/push/subscriptions/compute-clusters")] HttpRequest request,
        CancellationToken ct) =>
        intake.AcceptAsync<ComputeChange>(request, ClusterTopicNames.Compute, change => new PushMapping(PushEventTypes.ComputeState, PushTopics.Compute, new Audience(AudienceKinds.Compute, change.Domain, change.ClusterId, Deletion: change.State == "DELETED"), change with { At = change.At ?? clock.GetUtcNow() }, change.At ?? clock.GetUtcNow()), ct);
}
