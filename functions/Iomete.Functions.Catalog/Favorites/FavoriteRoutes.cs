using System.ComponentModel.DataAnnotations;
using Iomete.Platform.Security;

namespace Iomete.Functions.Catalog.Favorites;

/// <summary>A table to bookmark.</summary>
public sealed record FavoriteRequest(
    [property: Required, StringLength(255, MinimumLength = 1)] string? Catalog,
    [property: Required, StringLength(255, MinimumLength = 1)] string? Database,
    [property: Required, StringLength(255, MinimumLength = 1)] string? Table);

internal static class FavoriteRoutes
{
    public const string Collection = "api/v1/domains/{domain}/data-catalog/favorites";

    /// <summary>Favorites are the caller's own: reading the catalog (VIEW_DATA_CATALOG) is all they need.</summary>
    public static async Task<Caller> RequireAsync(ICallerAccessor callers, IAccessControl access, Microsoft.AspNetCore.Http.HttpRequest request,
        string domain, CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainPermissionAsync(caller, domain, DomainPermission.ViewDataCatalog, ct);
        return caller;
    }
}
