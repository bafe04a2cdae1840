using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Sql.Queries;

/// <summary>
/// Who may see a query: its owner, super admins and domain managers (IOMETE: "fully authorised").
/// Others get 404, so query ids of other users are not confirmed to exist.
/// </summary>
public sealed class QueryAccess(IAccessControl access, QueryStore store)
{
    public async Task RequireDomainAsync(Caller caller, string domain, CancellationToken ct)
    {
        await access.RequireDomainAccessAsync(caller, domain, ct);
    }

    public static bool SeesEveryQuery(Caller caller) => caller.HasAdminRole(AdminRole.DomainManager);

    public async Task<QueryRow> RequireQueryAsync(Caller caller, string domain, string id, CancellationToken ct)
    {
        await RequireDomainAsync(caller, domain, ct);
        var row = await store.FindAsync(id, ct);
        if (row is null || row.Domain != domain || (row.UserId != caller.UserId && !SeesEveryQuery(caller)))
        {
            throw new NotFoundException("Query", id);
        }
        return row;
    }
}
