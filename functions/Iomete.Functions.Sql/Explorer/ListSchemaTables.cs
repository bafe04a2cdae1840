using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Explorer;

public sealed class ListSchemaTables(ExplorerCatalog explorer)
{
    [Function("sql-schema-tables-list")]
    [OpenApiOperation("Database explorer", "List the tables and views of a namespace", Description = "Each item says whether it is a TABLE or a VIEW.")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<TableItem>))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/sql/schema/catalogs/{catalog}/namespaces/{ns}/tables")] HttpRequest request,
        string domain,
        string catalog,
        string ns,
        CancellationToken ct)
    {
        var lakehouse = await explorer.OpenAsync(request, domain, ct);
        var what = $"{catalog}.{ns}";
        var tables = await ExplorerCatalog.CallAsync(() => lakehouse.ListTablesAsync(catalog, ns, ct), "Namespace", what);
        var views = await ExplorerCatalog.CallAsync(() => lakehouse.ListViewsAsync(catalog, ns, ct), "Namespace", what);
        var items = tables.Select(t => new TableItem(catalog, ns, t, ExplorerObjectType.Table))
            .Concat(views.Select(v => new TableItem(catalog, ns, v, ExplorerObjectType.View)));
        return ApiResults.Ok(NamePaging.Apply(request, items, t => t.Name));
    }
}
