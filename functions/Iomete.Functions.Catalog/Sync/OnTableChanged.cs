using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Sync;

/// <summary>Keeps the index current from the Iceberg REST catalog's change events (topic <c>catalog-tables</c>).</summary>
public sealed class OnTableChanged(ICallerAccessor callers, TableIndexer indexer)
{
    [Function("catalog-index-on-table-changed")]
    [TopicSubscription(PlatformTopics.Tables)]
    [OpenApiOperation("Internal", "Re-index the namespace, table or view a catalog change names (platform only; a pub/sub subscription)")]
    [OpenApiRequestBody(typeof(CloudEvent<TableChanged>))]
    [OpenApiResponse(200, typeof(IndexOutcome))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/catalog/subscriptions/catalog-tables/index")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        InternalCalls.RequirePlatform(caller);
        var change = await CloudEvents.ReadDataAsync<TableChanged>(request, ct);
        return ApiResults.Ok(await indexer.ApplyAsync(change, ct));
    }
}
