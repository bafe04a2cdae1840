using Iomete.Functions.Catalog.Annotations;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Tables;

public sealed class GetTableProperties(CatalogTableAccess tables)
{
    [Function("catalog-tables-properties-get")]
    [OpenApiOperation("Data catalog", "Get a table's Iceberg properties")]
    [OpenApiResponse(200, typeof(TablePropertiesView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = GetTableDetails.Route + "/properties")] HttpRequest request,
        string domain,
        string catalog,
        string database,
        string table,
        CancellationToken ct)
    {
        await tables.RequireAsync(request, domain, manage: false, ct);
        var entry = await tables.LoadAsync(request, new TableKey(catalog, database, table), ct);
        return ApiResults.Ok(new TablePropertiesView(entry.Table?.Metadata.Properties ?? entry.View!.Metadata.Properties));
    }
}
