using Iomete.Functions.Push.Visibility;
using Iomete.Platform.Functions;
using Iomete.Platform.Messaging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Push.Sources;

/// <summary>Pushes a data-catalog annotation change to those with any access to the table</summary>
public sealed class OnCatalogEntry(PushIntake intake)
{
    [Function("push-on-catalog-entry")]
    [TopicSubscription(PlatformTopics.CatalogEntries)]
    [OpenApiOperation("Internal", "Pushes a data-catalog annotation change to those with any access to the table (platform only; a pub/sub subscription)")]
    [OpenApiRequestBody(typeof(CloudEvent<CatalogEntryChanged>))]
    [OpenApiResponse(200, typeof(PushAppendResult))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/push/subscriptions/data-catalog")] HttpRequest request,
        CancellationToken ct) =>
        intake.AcceptAsync<CatalogEntryChanged>(request, PlatformTopics.CatalogEntries, change => new PushMapping(PushEventTypes.CatalogEntry, PushTopics.Catalog, new Audience(AudienceKinds.Table, Catalog: change.Catalog, Database: change.Database, Table: change.Table), change, change.At), ct);
}
