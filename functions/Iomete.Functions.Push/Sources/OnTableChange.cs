using Iomete.Functions.Push.Visibility;
using Iomete.Platform.Functions;
using Iomete.Platform.Messaging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Push.Sources;

/// <summary>Pushes a committed namespace, table or view change to those with any access to it</summary>
public sealed class OnTableChange(PushIntake intake)
{
    [Function("push-on-table-change")]
    [TopicSubscription(PlatformTopics.Tables)]
    [OpenApiOperation("Internal", "Pushes a committed namespace, table or view change to those with any access to it (platform only; a pub/sub subscription)")]
    [OpenApiRequestBody(typeof(CloudEvent<TableChanged>))]
    [OpenApiResponse(200, typeof(PushAppendResult))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/push/subscriptions/catalog-tables")] HttpRequest request,
        CancellationToken ct) =>
        intake.AcceptAsync<TableChanged>(request, PlatformTopics.Tables, change => new PushMapping(PushEventTypes.CatalogTable, PushTopics.Catalog, new Audience(AudienceKinds.Table, Catalog: change.Catalog, Database: change.Namespace.Count == 0 ? null : string.Join(".", change.Namespace), Table: change.Name), change, change.At), ct);
}
