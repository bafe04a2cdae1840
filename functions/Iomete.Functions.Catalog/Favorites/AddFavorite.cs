using Iomete.Functions.Catalog.Annotations;
using Iomete.Functions.Catalog.Tables;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Favorites;

public sealed class AddFavorite(ICallerAccessor callers, IAccessControl access, CatalogTableAccess tables, FavoriteStore favorites, CatalogChanges changes)
{
    [Function("catalog-favorites-add")]
    [OpenApiOperation("Data catalog", "Bookmark a table", Description = "Idempotent: 201 with the new favorite, 200 with the existing one. The table must be visible to the caller.")]
    [OpenApiRequestBody(typeof(FavoriteRequest))]
    [OpenApiResponse(201, typeof(Favorite))]
    [OpenApiResponse(200, typeof(Favorite))]
    [OpenApiResponse(400)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FavoriteRoutes.Collection)] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await FavoriteRoutes.RequireAsync(callers, access, request, domain, ct);
        var body = await RequestBody.ReadAsync<FavoriteRequest>(request, ct);
        var key = new TableKey(body.Catalog!.Trim(), body.Database!.Trim(), body.Table!.Trim());
        await tables.LoadAsync(request, key, ct);
        var (favorite, created) = await favorites.AddAsync(domain, caller.UserId, key, ct);
        if (!created)
        {
            return ApiResults.Ok(favorite);
        }
        await changes.PublishAsync(key, CatalogChanges.Favorite, caller.UserId, ct);
        return ApiResults.Created(favorite, $"/api/v1/domains/{domain}/data-catalog/favorites/{favorite.Id}");
    }
}
