using Iomete.Engine.Catalogs;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Explorer;

public sealed class GetSchemaTableSnapshots(ExplorerCatalog explorer)
{
    [Function("sql-schema-tables-snapshots")]
    [OpenApiOperation("Database explorer", "List a table's snapshots and references",
        Description = "Snapshots newest first (id, parent, time, operation, summary) and the branches and tags that point at them.")]
    [OpenApiResponse(200, typeof(SnapshotsAndRefs))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/sql/schema/catalogs/{catalog}/namespaces/{ns}/tables/{table}/snapshots-and-refs")] HttpRequest request,
        string domain,
        string catalog,
        string ns,
        string table,
        CancellationToken ct)
    {
        var lakehouse = await explorer.OpenAsync(request, domain, ct);
        var ident = new TableIdent(catalog, ns, table);
        var loaded = await ExplorerCatalog.CallAsync(() => lakehouse.LoadTableAsync(ident, ct), "Table", ident.ToString())
            ?? throw new NotFoundException("Table", ident.ToString());
        return ApiResults.Ok(TableDetails.History(loaded.Metadata));
    }
}
