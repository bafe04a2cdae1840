using Iomete.DataSecurity.Decisions;
using Iomete.Functions.Catalog.Index;
using Iomete.Functions.Catalog.Search;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Explorer;

public sealed class ListExplorerDatabases(ICallerAccessor callers, IAccessControl access, IDataAccessDecider decider, LiveIndex index)
{
    private static readonly Dictionary<string, Func<ExplorerDatabase, IComparable?>> Keys = new()
    {
        ["name"] = d => d.Name,
        ["sizeInBytes"] = d => d.SizeInBytes,
        ["tableCount"] = d => d.TableCount,
        ["viewCount"] = d => d.ViewCount,
    };

    [Function("catalog-explorer-databases-list")]
    [OpenApiOperation("Data catalog", "List a catalog's databases with size and table and view counts (data explorer)")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<ExplorerDatabase>))]
    [OpenApiResponse(403, Description = "The caller lacks VIEW_DATA_CATALOG in the domain")]
    [OpenApiResponse(404, Description = "No such catalog in the index, or the caller may see nothing in it")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/data-catalog/catalogs/{catalog}/databases")] HttpRequest request,
        string domain,
        string catalog,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var query = ListQuery.From(request, ExplorerData.Sortable(Keys), "name");
        await access.RequireDomainPermissionAsync(caller, domain, DomainPermission.ViewDataCatalog, ct);

        var data = await ExplorerData.LoadAsync(index, new Visibility(decider, caller), catalog, null, ct);
        var tables = (await data.VisibleTablesAsync(ct)).ToLookup(t => t.Database);
        if ((data.Catalogs.Count == 0 && tables.Count == 0) || !await data.CanSeeAsync(new DataResource(catalog), tables.SelectMany(g => g), ct))
        {
            throw new NotFoundException("Catalog", catalog);
        }
        var items = new List<ExplorerDatabase>();
        foreach (var name in data.Databases.Select(d => d.Name).Concat(tables.Select(g => g.Key)).Distinct(StringComparer.Ordinal))
        {
            var inside = tables[name].ToList();
            if (!await data.CanSeeAsync(new DataResource(catalog, name), inside, ct))
            {
                continue;
            }
            var database = data.Databases.FirstOrDefault(d => d.Name == name);
            items.Add(new ExplorerDatabase(catalog, name, database?.Description, database?.Owner, inside.Sum(t => t.SizeBytes ?? 0), inside.Sum(t => t.FileCount ?? 0),
                inside.Count(t => t.Type == IndexedTypes.Table), inside.Count(t => t.Type == IndexedTypes.View)));
        }
        return ApiResults.Ok(ExplorerData.Page(items, query, d => d.Name, Keys));
    }
}
