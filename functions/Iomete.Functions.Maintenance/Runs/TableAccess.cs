using Iomete.DataSecurity.Decisions;
using Iomete.Engine.Catalogs;
using Iomete.Functions.Maintenance.Operations;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Maintenance.Runs;

/// <summary>
/// Who may do what with a table's maintenance: a member of the domain who may ALTER the table (the data-security policies,
/// as for any schema or property change) reads and changes its overrides and starts runs; any access to the table lets a
/// member read them. SPARK_CATALOG_MANAGER (the catalog-level admin) always may.
/// </summary>
public sealed class TableAccess(IAccessControl access, IDataAccessDecider decider, PlatformCatalog platform)
{
    public const string Enforcer = "maintenance";

    /// <summary>403 unless the caller is a member of the domain: checked before anything is looked up or read.</summary>
    public async Task RequireDomainAsync(Caller caller, string domain, CancellationToken ct)
    {
        if (!await access.CanAccessDomainAsync(caller, domain, ct))
        {
            throw new ForbiddenException($"You are not a member of domain '{domain}'.");
        }
    }

    public async Task RequireAsync(Caller caller, string domain, TableName table, bool change, string action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(table);
        await RequireDomainAsync(caller, domain, ct);
        if (caller.HasAdminRole(AdminRole.SparkCatalogManager, forRead: !change))
        {
            return;
        }
        var decision = await decider.CheckAsync(new DataAccessRequest(
            caller, new DataResource(table.Catalog, table.Database, table.Table), change ? DataAccessTypes.Alter : DataAccessTypes.Any, Enforcer, action,
            Audit: change), ct);
        if (!decision.Allowed)
        {
            throw new ForbiddenException(change
                ? $"Changing maintenance of {table} needs ALTER on the table ({decision.Reason})."
                : $"You may not see table {table} ({decision.Reason}).");
        }
    }

    /// <summary>True when the caller may see the table's runs (list filtering; not audited).</summary>
    public async Task<bool> CanSeeAsync(Caller caller, TableName table, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(table);
        if (caller.HasAdminRole(AdminRole.SparkCatalogManager, forRead: true))
        {
            return true;
        }
        var decision = await decider.CheckAsync(new DataAccessRequest(
            caller, new DataResource(table.Catalog, table.Database, table.Table), DataAccessTypes.Any, Enforcer, "LIST_MAINTENANCE_RUNS", Audit: false), ct);
        return decision.Allowed;
    }

    /// <summary>404 when the table does not exist in the catalog.</summary>
    public async Task RequireTableExistsAsync(TableName table, CancellationToken ct)
    {
        if (await platform.Catalog.LoadTableAsync(new TableIdent(table.Catalog, table.Database, table.Table), ct) is null)
        {
            throw new NotFoundException("Table", table.ToString());
        }
    }
}
