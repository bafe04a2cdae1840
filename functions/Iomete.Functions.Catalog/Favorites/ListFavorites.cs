using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Favorites;

public sealed class ListFavorites(ICallerAccessor callers, IAccessControl access, FavoriteStore favorites)
{
    public const int DefaultLimit = 50;

    [Function("catalog-favorites-list")]
    [OpenApiOperation("Data catalog", "List my favorite tables", Description = "Newest first, 50 per page by default.")]
    [OpenApiQuery("offset", "First item (0-based)", Type = "integer")]
    [OpenApiQuery("limit", "Items per page (1-1000, default 50)", Type = "integer")]
    [OpenApiResponse(200, typeof(Page<Favorite>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FavoriteRoutes.Collection)] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await FavoriteRoutes.RequireAsync(callers, access, request, domain, ct);
        var offset = ListQuery.ReadInt(request, "offset", 0, 0, int.MaxValue);
        var limit = ListQuery.ReadInt(request, "limit", DefaultLimit, 1, ListQuery.MaxLimit);
        return ApiResults.Ok(await favorites.ListAsync(domain, caller.UserId, offset, limit, ct));
    }
}
