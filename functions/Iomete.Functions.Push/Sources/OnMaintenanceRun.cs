using Iomete.Functions.Push.Visibility;
using Iomete.Platform.Functions;
using Iomete.Platform.Messaging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Push.Sources;

/// <summary>Pushes a table-maintenance run's state change to catalog managers and those with access to the table</summary>
public sealed class OnMaintenanceRun(PushIntake intake)
{
    [Function("push-on-maintenance-run")]
    [TopicSubscription(PlatformTopics.Maintenance)]
    [OpenApiOperation("Internal", "Pushes a table-maintenance run's state change to catalog managers and those with access to the table (platform only; a pub/sub subscription)")]
    [OpenApiRequestBody(typeof(CloudEvent<MaintenanceRunStateChanged>))]
    [OpenApiResponse(200, typeof(PushAppendResult))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/push/subscriptions/table-maintenance")] HttpRequest request,
        CancellationToken ct) =>
        intake.AcceptAsync<MaintenanceRunStateChanged>(request, PlatformTopics.Maintenance, change => new PushMapping(PushEventTypes.MaintenanceRun, PushTopics.Maintenance, new Audience(AudienceKinds.Maintenance, change.Domain, Catalog: change.Catalog, Database: string.Join(".", change.Namespace), Table: change.Table), change, change.At), ct);
}
