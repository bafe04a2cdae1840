using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Explorer;

public sealed class ListSchemaNamespaces(ExplorerCatalog explorer)
{
    [Function("sql-schema-namespaces-list")]
    [OpenApiOperation("Database explorer", "List the namespaces (databases) of a catalog")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<NamespaceItem>))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/sql/schema/catalogs/{catalog}/namespaces")] HttpRequest request,
        string domain,
        string catalog,
        CancellationToken ct)
    {
        var lakehouse = await explorer.OpenAsync(request, domain, ct);
        var names = await ExplorerCatalog.CallAsync(() => lakehouse.ListDatabasesAsync(catalog, ct), "Catalog", catalog);
        return ApiResults.Ok(NamePaging.Apply(request, names.Select(n => new NamespaceItem(catalog, n)), n => n.Name));
    }
}
