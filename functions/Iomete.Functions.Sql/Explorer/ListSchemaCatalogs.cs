using Iomete.Platform.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Iomete.Platform.Http;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Explorer;

public sealed class ListSchemaCatalogs(ExplorerCatalog explorer)
{
    [Function("sql-schema-catalogs-list")]
    [OpenApiOperation("Database explorer", "List the catalogs the caller can see",
        Description = "The catalog list keeps IOMETE's V1 path. It is read through the catalog's admin list for now, so callers without an admin role get 403.")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<CatalogItem>))]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/schema/catalogs")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var catalog = await explorer.OpenAsync(request, domain, ct);
        var names = await ExplorerCatalog.CallAsync(() => catalog.ListCatalogsAsync(ct), "Catalogs", domain);
        return ApiResults.Ok(NamePaging.Apply(request, names.Select(n => new CatalogItem(n)), c => c.Name));
    }
}
