using Iomete.Functions.Catalog.Annotations;
using Iomete.Functions.Catalog.Tables;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Favorites;

public sealed class DeleteFavorite(ICallerAccessor callers, IAccessControl access, FavoriteStore favorites, CatalogChanges changes)
{
    [Function("catalog-favorites-delete")]
    [OpenApiOperation("Data catalog", "Remove a favorite by id")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = FavoriteRoutes.Collection + "/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await FavoriteRoutes.RequireAsync(callers, access, request, domain, ct);
        var removed = await favorites.DeleteAsync(domain, caller.UserId, id, ct) ?? throw new NotFoundException("Favorite", id);
        await changes.PublishAsync(new TableKey(removed.Catalog, removed.Database, removed.Table), CatalogChanges.Favorite, caller.UserId, ct);
        return ApiResults.NoContent();
    }
}
