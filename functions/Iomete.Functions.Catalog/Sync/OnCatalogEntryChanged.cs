using Iomete.Functions.Catalog.Annotations;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Sync;

/// <summary>Re-reads a table's annotations (owners, documentation, column descriptions, classifications) when they change (topic <c>data-catalog</c>).</summary>
public sealed class OnCatalogEntryChanged(ICallerAccessor callers, TableIndexer indexer)
{
    [Function("catalog-index-on-entry-changed")]
    [TopicSubscription(PlatformTopics.CatalogEntries)]
    [OpenApiOperation("Internal", "Re-read a table's catalog annotations into the search index (platform only; a pub/sub subscription)")]
    [OpenApiRequestBody(typeof(CloudEvent<CatalogEntryChanged>))]
    [OpenApiResponse(200, typeof(IndexOutcome))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/catalog/subscriptions/data-catalog/index")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        InternalCalls.RequirePlatform(caller);
        var change = await CloudEvents.ReadDataAsync<CatalogEntryChanged>(request, ct);
        return ApiResults.Ok(await indexer.RefreshAnnotationsAsync(new TableKey(change.Catalog, change.Database, change.Table), ct));
    }
}
