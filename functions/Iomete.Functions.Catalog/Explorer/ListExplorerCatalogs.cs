using Iomete.DataSecurity.Decisions;
using Iomete.Functions.Catalog.Index;
using Iomete.Functions.Catalog.Search;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Explorer;

public sealed class ListExplorerCatalogs(ICallerAccessor callers, IAccessControl access, IDataAccessDecider decider, LiveIndex index)
{
    private static readonly Dictionary<string, Func<ExplorerCatalog, IComparable?>> Keys = new()
    {
        ["name"] = c => c.Name,
        ["totalSchemaCount"] = c => c.TotalSchemaCount,
        ["totalTableCount"] = c => c.TotalTableCount,
        ["totalSizeInBytes"] = c => c.TotalSizeInBytes,
        ["totalFiles"] = c => c.TotalFiles,
    };

    [Function("catalog-explorer-catalogs-list")]
    [OpenApiOperation("Data catalog", "List catalogs with their totals (data explorer)",
        Description = "From the index. Totals count the databases, tables and views the caller may see; a catalog shows when the caller may access it or something in it.")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<ExplorerCatalog>))]
    [OpenApiResponse(403, Description = "The caller lacks VIEW_DATA_CATALOG in the domain")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/data-catalog/catalogs")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var query = ListQuery.From(request, ExplorerData.Sortable(Keys), "name");
        await access.RequireDomainPermissionAsync(caller, domain, DomainPermission.ViewDataCatalog, ct);

        var data = await ExplorerData.LoadAsync(index, new Visibility(decider, caller), null, null, ct);
        var tables = (await data.VisibleTablesAsync(ct)).ToLookup(t => t.Catalog);
        var names = data.Catalogs.Select(c => c.Name).Concat(tables.Select(g => g.Key)).Distinct(StringComparer.Ordinal);
        var items = new List<ExplorerCatalog>();
        foreach (var name in names)
        {
            var inside = tables[name].ToList();
            if (!await data.CanSeeAsync(new DataResource(name), inside, ct))
            {
                continue;
            }
            var catalog = data.Catalogs.FirstOrDefault(c => c.Name == name);
            var schemas = data.Databases.Where(d => d.Catalog == name).Select(d => d.Name).Concat(inside.Select(t => t.Database)).Distinct(StringComparer.Ordinal).Count();
            items.Add(new ExplorerCatalog(name, catalog?.Type ?? "ICEBERG_REST", catalog?.Location, schemas,
                inside.Count(t => t.Type == IndexedTypes.Table), inside.Count(t => t.Type == IndexedTypes.View),
                inside.Sum(t => t.SizeBytes ?? 0), inside.Sum(t => t.FileCount ?? 0), catalog?.LastSynced));
        }
        return ApiResults.Ok(ExplorerData.Page(items, query, c => c.Name, Keys));
    }
}
