using Iomete.DataSecurity.Decisions;
using Iomete.Functions.Catalog.Search;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Explorer;

public sealed class ListExplorerTables(ICallerAccessor callers, IAccessControl access, IDataAccessDecider decider, LiveIndex index)
{
    private static readonly Dictionary<string, Func<ExplorerTable, IComparable?>> Keys = new()
    {
        ["name"] = t => t.Name,
        ["type"] = t => t.Type,
        ["sizeInBytes"] = t => t.SizeInBytes,
        ["files"] = t => t.Files,
        ["lastModified"] = t => t.LastModified,
    };

    [Function("catalog-explorer-tables-list")]
    [OpenApiOperation("Data catalog", "List a database's tables and views with size and files (data explorer)")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<ExplorerTable>))]
    [OpenApiResponse(403, Description = "The caller lacks VIEW_DATA_CATALOG in the domain")]
    [OpenApiResponse(404, Description = "No such database in the index, or the caller may see nothing in it")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/data-catalog/catalogs/{catalog}/databases/{database}/tables")] HttpRequest request,
        string domain,
        string catalog,
        string database,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var query = ListQuery.From(request, ExplorerData.Sortable(Keys), "name");
        await access.RequireDomainPermissionAsync(caller, domain, DomainPermission.ViewDataCatalog, ct);

        var data = await ExplorerData.LoadAsync(index, new Visibility(decider, caller), catalog, database, ct);
        var tables = await data.VisibleTablesAsync(ct);
        if ((data.Databases.Count == 0 && tables.Count == 0) || !await data.CanSeeAsync(new DataResource(catalog, database), tables, ct))
        {
            throw new NotFoundException("Database", $"{catalog}.{database}");
        }
        var items = tables.Select(t => new ExplorerTable(t.Id, t.Catalog, t.Database, t.Name, t.Type, t.Provider, t.SizeBytes, t.FileCount, t.RowCount,
            t.Columns.Count, t.LastModified, t.LastSynced)).ToList();
        return ApiResults.Ok(ExplorerData.Page(items, query, t => t.Name, Keys));
    }
}
