using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Catalogs;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Functions.IcebergRest.Namespaces;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.IcebergRest;

/// <summary>
/// The entry of every Iceberg REST route: authenticate, resolve the catalog (the <c>{prefix}</c> is
/// the catalog name, as advertised by /v1/config), then ask the authorizer.
/// </summary>
public sealed class CatalogGate(ICallerAccessor callers, CatalogStore catalogs, ICatalogAuthorizer authorizer)
{
    public Task<Caller> AuthenticateAsync(HttpRequest request, CancellationToken ct) => callers.RequireAsync(request, ct);

    /// <summary>The catalog named by the route; 404 <c>NoSuchWarehouseException</c> when unknown or the prefix names another.</summary>
    public async Task<CatalogView> CatalogAsync(string catalog, string? prefix, CancellationToken ct)
    {
        if (prefix is not null && !string.Equals(prefix, catalog, StringComparison.Ordinal))
        {
            throw IcebergErrors.NoSuchCatalog(prefix);
        }
        return await catalogs.FindAsync(catalog, ct) ?? throw IcebergErrors.NoSuchCatalog(catalog);
    }

    /// <summary>The whole entry of a route on one namespace: caller, catalog, parsed name, authorized.</summary>
    public async Task<NamespaceTarget> NamespaceAsync(
        HttpRequest request, string catalog, string prefix, string @namespace, CatalogPrivilege privilege, CancellationToken ct)
    {
        var caller = await AuthenticateAsync(request, ct);
        var view = await CatalogAsync(catalog, prefix, ct);
        var ns = NamespaceName.Parse(@namespace);
        await AuthorizeAsync(caller, privilege, view, ns, ct);
        return new NamespaceTarget(caller, view, ns);
    }

    /// <summary>The whole entry of a route on one table: caller, catalog, parsed identifier, authorized on its namespace.</summary>
    public async Task<TableTarget> TableAsync(
        HttpRequest request, string catalog, string prefix, string @namespace, string table, CatalogPrivilege privilege, CancellationToken ct)
    {
        var target = await NamespaceAsync(request, catalog, prefix, @namespace, privilege, ct);
        var name = Objects.ObjectName.Validate(table);
        return new TableTarget(target.Caller, target.Catalog, new Tables.TableIdent(target.Catalog.Name, target.Namespace, name));
    }

    public Task AuthorizeAsync(Caller caller, CatalogPrivilege privilege, CatalogView catalog, NamespaceName? ns, CancellationToken ct) =>
        authorizer.RequireAsync(caller, privilege, catalog.Name, ns?.Levels ?? [], ct);
}

/// <summary>A namespace a route may act on, after <see cref="CatalogGate.NamespaceAsync"/>.</summary>
public sealed record NamespaceTarget(Caller Caller, CatalogView Catalog, NamespaceName Namespace);

/// <summary>A table a route may act on, after <see cref="CatalogGate.TableAsync"/>.</summary>
public sealed record TableTarget(Caller Caller, CatalogView Catalog, Tables.TableIdent Table);
