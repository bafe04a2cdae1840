using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Catalogs;

/// <summary>One catalog as any signed-in user sees it: its name (what SQL sessions and the database explorer list).</summary>
public sealed record CatalogName(string Name);

/// <summary>
/// The catalogs' names for every authenticated caller (the admin list at <c>/api/v1/admin/catalogs</c> carries
/// configuration and needs an admin role). What a caller may do inside a catalog is still decided per operation.
/// </summary>
public sealed class ListCatalogNames(ICallerAccessor callers, CatalogStore catalogs)
{
    [Function("iceberg-catalogs-names")]
    [OpenApiOperation("Spark catalogs", "List the names of the Iceberg catalogs")]
    [OpenApiResponse(200, typeof(IReadOnlyList<CatalogName>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/catalogs")] HttpRequest request,
        CancellationToken ct)
    {
        await callers.RequireAsync(request, ct);
        var all = await catalogs.ListAsync(ct);
        return ApiResults.Ok(all.Select(c => new CatalogName(c.Name)).OrderBy(c => c.Name, StringComparer.Ordinal).ToList());
    }
}
