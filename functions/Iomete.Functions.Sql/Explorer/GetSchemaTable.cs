using Iomete.Engine.Catalogs;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Explorer;

public sealed class GetSchemaTable(ExplorerCatalog explorer)
{
    [Function("sql-schema-tables-get")]
    [OpenApiOperation("Database explorer", "Describe a table or view",
        Description = "Columns (name, type, nullable, comment), partitioning, properties, location, the current snapshot, and the row and " +
                      "data-file counts from that snapshot's summary. For a view: its columns and SQL text.")]
    [OpenApiResponse(200, typeof(TableDetail))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/sql/schema/catalogs/{catalog}/namespaces/{ns}/tables/{table}")] HttpRequest request,
        string domain,
        string catalog,
        string ns,
        string table,
        CancellationToken ct)
    {
        var lakehouse = await explorer.OpenAsync(request, domain, ct);
        var ident = new TableIdent(catalog, ns, table);
        var loaded = await ExplorerCatalog.CallAsync(() => lakehouse.LoadTableAsync(ident, ct), "Table", ident.ToString());
        if (loaded is not null)
        {
            return ApiResults.Ok(TableDetails.Of(loaded));
        }
        var view = await ExplorerCatalog.CallAsync(() => lakehouse.LoadViewAsync(ident, ct), "Table", ident.ToString());
        return view is not null ? ApiResults.Ok(TableDetails.Of(view)) : throw new NotFoundException("Table", ident.ToString());
    }
}
