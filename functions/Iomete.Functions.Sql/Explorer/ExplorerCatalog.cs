using Iomete.Engine.Catalogs;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Sql.Explorer;

/// <summary>
/// The database explorer's way into the lakehouse catalog: a client that carries the caller's own credentials, so the
/// Iceberg catalog authorizes the caller, and the catalog's errors turned into the API's problem responses.
/// </summary>
public sealed class ExplorerCatalog(ICallerAccessor callers, IAccessControl access, ILakehouseCatalogFactory factory)
{
    private static readonly string[] CredentialHeaders = ["Authorization", "X-API-Token", "Cookie"];

    public async Task<ILakehouseCatalog> OpenAsync(HttpRequest request, string domain, CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainAccessAsync(caller, domain, ct);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in CredentialHeaders)
        {
            if (request.Headers.TryGetValue(name, out var value) && value.ToString().Length > 0)
            {
                headers[name] = value.ToString();
            }
        }
        return factory.ForCaller(headers);
    }

    /// <summary>Runs a catalog call; <paramref name="what"/> names the thing a 404 is about.</summary>
    public static async Task<T> CallAsync<T>(Func<Task<T>> call, string kind, string what)
    {
        try
        {
            return await call();
        }
        catch (CatalogNotFoundException)
        {
            throw new NotFoundException(kind, what);
        }
        catch (CatalogForbiddenException ex)
        {
            throw new ForbiddenException(ex.Message);
        }
        catch (CatalogRequestException ex)
        {
            throw new ValidationException(ex.Message);
        }
        catch (CatalogUnavailableException ex)
        {
            throw new ApiException(502, ErrorCodes.BadGateway, "The lakehouse catalog is unavailable", ex.Message);
        }
    }
}
