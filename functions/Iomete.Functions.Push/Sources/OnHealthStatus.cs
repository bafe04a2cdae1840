using Iomete.Functions.Push.Visibility;
using Iomete.Platform.Functions;
using Iomete.Platform.Messaging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Push.Sources;

/// <summary>Pushes a component's health status change to admins</summary>
public sealed class OnHealthStatus(PushIntake intake)
{
    [Function("push-on-health-status")]
    [TopicSubscription(PlatformTopics.Health)]
    [OpenApiOperation("Internal", "Pushes a component's health status change to admins (platform only; a pub/sub subscription)")]
    [OpenApiRequestBody(typeof(CloudEvent<HealthStatusChanged>))]
    [OpenApiResponse(200, typeof(PushAppendResult))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/push/subscriptions/health-status")] HttpRequest request,
        CancellationToken ct) =>
        intake.AcceptAsync<HealthStatusChanged>(request, PlatformTopics.Health, change => new PushMapping(PushEventTypes.HealthStatus, PushTopics.Health, new Audience(AudienceKinds.Admins), change, change.At), ct);
}
