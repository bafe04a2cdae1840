using Iomete.Functions.Catalog.Annotations;
using Iomete.Functions.Catalog.Classifications;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Tables;

public sealed class GetTableDetails(CatalogTableAccess tables, AnnotationStore annotations, ClassificationRequestStore requests)
{
    public const string Route = "api/v1/domains/{domain}/data-catalog/catalogs/{catalog}/databases/{database}/tables/{table}";

    [Function("catalog-tables-get")]
    [OpenApiOperation("Data catalog", "Get a table's details",
        Description = "Statistics of the current snapshot, owners, documentation, classification tags, pending classification requests, properties and a SELECT snippet; loaded as the caller, so data policies apply.")]
    [OpenApiResponse(200, typeof(TableDetailsView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request,
        string domain,
        string catalog,
        string database,
        string table,
        CancellationToken ct)
    {
        await tables.RequireAsync(request, domain, manage: false, ct);
        var key = new TableKey(catalog, database, table);
        var entry = await tables.LoadAsync(request, key, ct);
        var notes = await annotations.GetAsync(key, ct);
        var pending = await requests.CountPendingAsync(key, ct);
        return ApiResults.Ok(TableShapes.Details(entry, notes, pending));
    }
}
