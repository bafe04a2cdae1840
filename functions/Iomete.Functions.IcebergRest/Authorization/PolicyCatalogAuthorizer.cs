using Iomete.DataSecurity.Decisions;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.IcebergRest.Authorization;

/// <summary>
/// Decides catalog operations with the data-security policies (Ranger's model, through <see cref="IDataAccessDecider"/>):
/// each Polaris-style privilege maps to the access types of IOMETE's policies on the database or table it touches.
/// Managing catalogs themselves stays with the SPARK_CATALOG_MANAGER role.
/// </summary>
internal sealed class PolicyCatalogAuthorizer(IDataAccessDecider decider, IHttpContextAccessor http) : ICatalogAuthorizer
{
    private const string Enforcer = "iceberg-rest";

    public async Task RequireAsync(Caller caller, CatalogPrivilege privilege, CatalogTarget target, CancellationToken ct)
    {
        if (privilege == CatalogPrivilege.CatalogManage)
        {
            if (!caller.HasAdminRole(AdminRole.SparkCatalogManager))
            {
                throw new ForbiddenException($"Managing catalog '{target.Catalog}' requires the SPARK_CATALOG_MANAGER role.");
            }
            return;
        }
        var needed = CatalogPrivileges.AccessTypes(privilege);
        if (needed.Count == 0 || target.Namespace.Count == 0)
        {
            // Listings are filtered item by item; the catalog root itself holds no data.
            return;
        }
        DataAccessDecision? last = null;
        foreach (var accessType in needed)
        {
            last = await decider.CheckAsync(Request(caller, target, accessType, CatalogPrivileges.Name(privilege)), ct);
            if (last.Allowed)
            {
                return;
            }
        }
        throw Refused(CatalogPrivileges.Name(privilege), needed[0], target, last!);
    }

    public async Task RequireAccessAsync(Caller caller, CatalogTarget target, string accessType, string action, CancellationToken ct)
    {
        var decision = await decider.CheckAsync(Request(caller, target, accessType, action), ct);
        if (!decision.Allowed)
        {
            throw Refused(action, accessType, target, decision);
        }
    }

    public async Task<bool> CanSeeAsync(Caller caller, CatalogTarget target, CancellationToken ct) =>
        (await decider.CheckAsync(Request(caller, target, DataAccessTypes.Any, "LIST") with { Audit = false }, ct)).Allowed;

    public async Task<IReadOnlyList<string>> GrantedAsync(Caller caller, CatalogTarget table, IReadOnlyList<string> accessTypes, CancellationToken ct)
    {
        var granted = new List<string>();
        foreach (var accessType in accessTypes)
        {
            if ((await decider.CheckAsync(Request(caller, table, accessType, "SHOW_PRIVILEGES") with { Audit = false }, ct)).Allowed)
            {
                granted.Add(accessType);
            }
        }
        return granted;
    }

    public async Task<TableReadPolicy> ReadPolicyAsync(Caller caller, CatalogTarget table, IReadOnlyList<string> columns, string action, CancellationToken ct) =>
        await decider.ReadPolicyAsync(new TableReadRequest(caller, table.Resource, columns, Enforcer, action, ClientIp()), ct);

    private DataAccessRequest Request(Caller caller, CatalogTarget target, string accessType, string action) =>
        new(caller, target.Resource, accessType, Enforcer, action, ClientIp());

    private string? ClientIp() => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    private static ForbiddenException Refused(string action, string accessType, CatalogTarget target, DataAccessDecision decision) =>
        new($"{action} on '{target}' is not allowed: {accessType.ToUpperInvariant().TrimStart('_')} access is required ({decision.Reason}).");
}
