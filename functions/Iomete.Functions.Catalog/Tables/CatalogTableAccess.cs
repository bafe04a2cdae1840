using Iomete.Engine.Catalogs;
using Iomete.Functions.Catalog.Annotations;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Catalog.Tables;

/// <summary>A table or view as the caller may see it through the Iceberg REST catalog.</summary>
public sealed record LoadedEntry(TableKey Key, CatalogTable? Table, CatalogView? View)
{
    public bool IsView => View is not null;

    /// <summary>Columns the caller's policies deny: they are not shown at all.</summary>
    public IReadOnlySet<string> DeniedColumns { get; } =
        Table?.DataPolicy?.DeniedColumns.ToHashSet(StringComparer.OrdinalIgnoreCase) ?? new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// Authorization of the catalog's table routes (domain permission first) and the lakehouse catalog opened AS THE CALLER:
/// the Iceberg REST catalog authorizes every load, so a table the caller may not see is a 404/403 here too, and the
/// caller's data policy (denied columns, row filter) comes with the metadata.
/// </summary>
public sealed class CatalogTableAccess(ICallerAccessor callers, IAccessControl access, ILakehouseCatalogFactory factory)
{
    private static readonly string[] CredentialHeaders =
        ["Authorization", "X-API-Token", "Cookie", InternalCallOptions.Header, InternalCallOptions.RunAsHeader];

    /// <summary>Authenticates and requires VIEW_DATA_CATALOG (reads) or MANAGE_DATA_CATALOG (edits) in the domain.</summary>
    public async Task<Caller> RequireAsync(HttpRequest request, string domain, bool manage, CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainPermissionAsync(caller, domain, manage ? DomainPermission.ManageDataCatalog : DomainPermission.ViewDataCatalog, ct);
        return caller;
    }

    /// <summary>The lakehouse catalog with the caller's own credentials.</summary>
    public ILakehouseCatalog CatalogFor(HttpRequest request)
    {
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

    /// <summary>The table (or view) as the caller sees it; 404 when it does not exist for them.</summary>
    public async Task<LoadedEntry> LoadAsync(HttpRequest request, TableKey key, CancellationToken ct)
    {
        var catalog = CatalogFor(request);
        var ident = Ident(key);
        var table = await CallAsync(() => catalog.LoadTableAsync(ident, ct), ident);
        if (table is not null)
        {
            return new LoadedEntry(key, table, null);
        }
        var view = await CallAsync(() => catalog.LoadViewAsync(ident, ct), ident)
            ?? throw new NotFoundException("Table", ident.ToString());
        return new LoadedEntry(key, null, view);
    }

    /// <summary>A table only (not a view): 404 for a view or a missing table.</summary>
    public async Task<CatalogTable> LoadTableAsync(HttpRequest request, TableKey key, CancellationToken ct)
    {
        var catalog = CatalogFor(request);
        var ident = Ident(key);
        return await CallAsync(() => catalog.LoadTableAsync(ident, ct), ident) ?? throw new NotFoundException("Table", ident.ToString());
    }

    public static TableIdent Ident(TableKey key) => new(key.Catalog, key.Database, key.Table);

    /// <summary>Runs a catalog call and turns its errors into the API's problem responses.</summary>
    public static async Task<T> CallAsync<T>(Func<Task<T>> call, TableIdent what)
    {
        try
        {
            return await call();
        }
        catch (CatalogNotFoundException)
        {
            throw new NotFoundException("Table", what.ToString());
        }
        catch (CatalogForbiddenException ex)
        {
            throw new ForbiddenException(ex.Message);
        }
        catch (CatalogCommitConflictException ex)
        {
            throw new ConflictException(ex.Message);
        }
        catch (CatalogAlreadyExistsException ex)
        {
            throw new ConflictException(ex.Message);
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
