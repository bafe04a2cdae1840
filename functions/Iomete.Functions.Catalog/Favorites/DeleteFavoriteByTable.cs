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

public sealed class DeleteFavoriteByTable(ICallerAccessor callers, IAccessControl access, FavoriteStore favorites, CatalogChanges changes)
{
    [Function("catalog-favorites-delete-by-table")]
    [OpenApiOperation("Data catalog", "Remove a favorite by its table", Description = "Query: catalog, database, table (all required).")]
    [OpenApiQuery("catalog", "The catalog")]
    [OpenApiQuery("database", "The database")]
    [OpenApiQuery("table", "The table")]
    [OpenApiResponse(204)]
    [OpenApiResponse(400)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = FavoriteRoutes.Collection)] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await FavoriteRoutes.RequireAsync(callers, access, request, domain, ct);
        var errors = new Dictionary<string, string[]>();
        string Required(string name)
        {
            var value = request.Query[name].ToString().Trim();
            if (value.Length == 0)
            {
                errors[name] = ["is required"];
            }
            return value;
        }
        var key = new TableKey(Required("catalog"), Required("database"), Required("table"));
        if (errors.Count > 0)
        {
            throw new ValidationException("catalog, database and table name the favorite to remove.", errors);
        }
        var found = await favorites.FindAsync(domain, caller.UserId, key, ct) ?? throw new NotFoundException("Favorite", $"{key.Catalog}.{key.Database}.{key.Table}");
        await favorites.DeleteAsync(domain, caller.UserId, found.Id, ct);
        await changes.PublishAsync(key, CatalogChanges.Favorite, caller.UserId, ct);
        return ApiResults.NoContent();
    }
}
