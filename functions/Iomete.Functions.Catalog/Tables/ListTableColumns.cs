using Iomete.Functions.Catalog.Annotations;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Tables;

public sealed class ListTableColumns(CatalogTableAccess tables, AnnotationStore annotations)
{
    [Function("catalog-tables-columns-list")]
    [OpenApiOperation("Data catalog", "List a table's columns", Description = "Name, type, classification tags, description and whether it is a partition key; columns the caller's policies deny are left out.")]
    [OpenApiResponse(200, typeof(TableColumnsView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = GetTableDetails.Route + "/columns")] HttpRequest request,
        string domain,
        string catalog,
        string database,
        string table,
        CancellationToken ct)
    {
        await tables.RequireAsync(request, domain, manage: false, ct);
        var key = new TableKey(catalog, database, table);
        var entry = await tables.LoadAsync(request, key, ct);
        return ApiResults.Ok(new TableColumnsView(TableShapes.Columns(entry, await annotations.GetAsync(key, ct))));
    }
}
