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
    /// <param name="objectName">The table or view acted on, when the route names one.</param>
    public async Task<NamespaceTarget> NamespaceAsync(
        HttpRequest request, string catalog, string prefix, string @namespace, CatalogPrivilege privilege, CancellationToken ct, string? objectName = null)
    {
        var caller = await AuthenticateAsync(request, ct);
        var view = await CatalogAsync(catalog, prefix, ct);
        var ns = NamespaceName.Parse(@namespace);
        await AuthorizeAsync(caller, privilege, view, ns, ct, objectName);
        return new NamespaceTarget(caller, view, ns);
    }

    /// <summary>The whole entry of a route on one table: caller, catalog, parsed identifier, authorized on its namespace.</summary>
    public async Task<TableTarget> TableAsync(
        HttpRequest request, string catalog, string prefix, string @namespace, string table, CatalogPrivilege privilege, CancellationToken ct)
    {
        var name = Objects.ObjectName.Validate(table);
        var target = await NamespaceAsync(request, catalog, prefix, @namespace, privilege, ct, name);
        return new TableTarget(target.Caller, target.Catalog, new Tables.TableIdent(target.Catalog.Name, target.Namespace, name));
    }

    public Task AuthorizeAsync(Caller caller, CatalogPrivilege privilege, CatalogView catalog, NamespaceName? ns, CancellationToken ct, string? objectName = null) =>
        authorizer.RequireAsync(caller, privilege, new CatalogTarget(catalog.Name, ns?.Levels ?? [], objectName), ct);

    /// <summary>Whether a listed namespace or object is shown to the caller.</summary>
    public Task<bool> CanSeeAsync(Caller caller, CatalogView catalog, NamespaceName ns, string? objectName, CancellationToken ct) =>
        authorizer.CanSeeAsync(caller, new CatalogTarget(catalog.Name, ns.Levels, objectName), ct);

    /// <summary>
    /// A commit needs what it changes (see <see cref="CommitAccess"/>); one that creates the table (assert-create) needs CREATE.
    /// </summary>
    public async Task AuthorizeCommitAsync(Caller caller, CatalogView catalog, Tables.TableChange change, CancellationToken ct)
    {
        var target = new CatalogTarget(catalog.Name, change.Table.Namespace.Levels, change.Table.Name);
        if (change.IsCreate)
        {
            await authorizer.RequireAsync(caller, CatalogPrivilege.TableCreate, target, ct);
            return;
        }
        var needed = CommitAccess.Required(change.Updates);
        foreach (var accessType in needed.Count == 0 ? [Iomete.DataSecurity.Decisions.DataAccessTypes.Any] : needed)
        {
            await authorizer.RequireAccessAsync(caller, target, accessType, "UPDATE_TABLE", ct);
        }
    }

    /// <summary>The items of a listing the caller may see (any access to the namespace or object).</summary>
    public async Task<List<T>> VisibleAsync<T>(
        Caller caller, CatalogView catalog, IEnumerable<T> items, Func<T, (NamespaceName Namespace, string? Name)> target, CancellationToken ct)
    {
        var visible = new List<T>();
        foreach (var item in items)
        {
            var (ns, name) = target(item);
            if (await CanSeeAsync(caller, catalog, ns, name, ct))
            {
                visible.Add(item);
            }
        }
        return visible;
    }
}

/// <summary>A namespace a route may act on, after <see cref="CatalogGate.NamespaceAsync"/>.</summary>
public sealed record NamespaceTarget(Caller Caller, CatalogView Catalog, NamespaceName Namespace);

/// <summary>A table a route may act on, after <see cref="CatalogGate.TableAsync"/>.</summary>
public sealed record TableTarget(Caller Caller, CatalogView Catalog, Tables.TableIdent Table);
