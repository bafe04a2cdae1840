using Iomete.Functions.Catalog.Annotations;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Tables;

public sealed class ListTableSnapshots(CatalogTableAccess tables)
{
    [Function("catalog-tables-snapshots-list")]
    [OpenApiOperation("Data catalog", "List a table's snapshots, branches and tags", Description = "Snapshots newest first (id, parent, time, operation, summary) and the refs pointing at them.")]
    [OpenApiResponse(200, typeof(SnapshotsView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = GetTableDetails.Route + "/snapshots")] HttpRequest request,
        string domain,
        string catalog,
        string database,
        string table,
        CancellationToken ct)
    {
        await tables.RequireAsync(request, domain, manage: false, ct);
        var loaded = await tables.LoadTableAsync(request, new TableKey(catalog, database, table), ct);
        return ApiResults.Ok(TableShapes.Snapshots(loaded.Metadata));
    }
}
