using Iomete.Platform.Security;

namespace Iomete.Functions.IcebergRest.Authorization;

/// <summary>
/// The authorization port of the Iceberg REST catalog: every operation asks it before acting.
/// Data-security policies plug in behind it later; a refusal is a 403 <c>ForbiddenException</c>.
/// </summary>
public interface ICatalogAuthorizer
{
    /// <param name="namespaceLevels">The namespace acted on (or the parent for list/create); empty for the catalog itself.</param>
    Task RequireAsync(Caller caller, CatalogPrivilege privilege, string catalog, IReadOnlyList<string> namespaceLevels, CancellationToken ct);
}
