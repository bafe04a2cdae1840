using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Sync;

/// <summary>The periodic full sync: ticks every minute and runs when <c>Iomete:Catalog:SyncInterval</c> has passed since the last one.</summary>
public sealed class SyncCatalogIndex(ICallerAccessor callers, FullSync sync)
{
    [Function("catalog-index-sync-tick")]
    [CronBinding("catalog-index-sync", "@every 1m")]
    [OpenApiOperation("Internal", "Run the catalog index's full sync when it is due (platform only; a cron binding)")]
    [OpenApiResponse(200, typeof(SyncSummary))]
    [OpenApiResponse(204, Description = "Not due")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/catalog/index/sync")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        InternalCalls.RequirePlatform(caller);
        return await sync.RunIfDueAsync(ct) is { } summary ? ApiResults.Ok(summary) : ApiResults.NoContent();
    }
}
