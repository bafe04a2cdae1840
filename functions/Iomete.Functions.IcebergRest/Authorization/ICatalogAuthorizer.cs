using Iomete.DataSecurity.Decisions;
using Iomete.Platform.Security;

namespace Iomete.Functions.IcebergRest.Authorization;

/// <summary>
/// The authorization port of the Iceberg REST catalog: every operation asks it before acting, listings ask it per item,
/// and table reads ask what the caller may see. A refusal is a 403 <c>ForbiddenException</c>.
/// </summary>
public interface ICatalogAuthorizer
{
    /// <param name="target">The object acted on: for list and create operations the namespace (or the catalog itself).</param>
    Task RequireAsync(Caller caller, CatalogPrivilege privilege, CatalogTarget target, CancellationToken ct);

    /// <summary>One access type on a target, e.g. <c>insert</c> for a commit that appends rows.</summary>
    Task RequireAccessAsync(Caller caller, CatalogTarget target, string accessType, string action, CancellationToken ct);

    /// <summary>Whether an item of a listing is shown: the caller has some access to it.</summary>
    Task<bool> CanSeeAsync(Caller caller, CatalogTarget target, CancellationToken ct);

    /// <summary>The caller's access types on a table, among <paramref name="accessTypes"/> (not audited).</summary>
    Task<IReadOnlyList<string>> GrantedAsync(Caller caller, CatalogTarget table, IReadOnlyList<string> accessTypes, CancellationToken ct);

    /// <summary>What the caller may read of a table with these columns: row filter, masks, denied columns.</summary>
    Task<TableReadPolicy> ReadPolicyAsync(Caller caller, CatalogTarget table, IReadOnlyList<string> columns, string action, CancellationToken ct);
}

/// <summary>A catalog, a namespace in it, or an object (table or view) in a namespace.</summary>
public sealed record CatalogTarget(string Catalog, IReadOnlyList<string> Namespace, string? Name = null)
{
    public DataResource Resource => new(Catalog, Namespace.Count == 0 ? null : string.Join('.', Namespace), Namespace.Count == 0 ? null : Name);

    public override string ToString() => Resource.ToString();
}
