using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.IcebergRest.Authorization;

/// <summary>
/// The first authorizer: the super admin and SPARK_CATALOG_MANAGER may do everything; every other
/// authenticated caller may only read (list, load, exists).
/// </summary>
internal sealed class RoleCatalogAuthorizer : ICatalogAuthorizer
{
    public Task RequireAsync(Caller caller, CatalogPrivilege privilege, string catalog, IReadOnlyList<string> namespaceLevels, CancellationToken ct)
    {
        if (IsRead(privilege) || caller.HasAdminRole(AdminRole.SparkCatalogManager))
        {
            return Task.CompletedTask;
        }
        throw new ForbiddenException($"{Name(privilege)} on catalog '{catalog}' requires the SPARK_CATALOG_MANAGER role.");
    }

    private static bool IsRead(CatalogPrivilege privilege) =>
        privilege is CatalogPrivilege.NamespaceList or CatalogPrivilege.NamespaceReadProperties
            or CatalogPrivilege.TableList or CatalogPrivilege.TableReadProperties
            or CatalogPrivilege.ViewList or CatalogPrivilege.ViewReadProperties;

    private static string Name(CatalogPrivilege privilege) => privilege switch
    {
        CatalogPrivilege.NamespaceList => "NAMESPACE_LIST",
        CatalogPrivilege.NamespaceCreate => "NAMESPACE_CREATE",
        CatalogPrivilege.NamespaceReadProperties => "NAMESPACE_READ_PROPERTIES",
        CatalogPrivilege.NamespaceWriteProperties => "NAMESPACE_WRITE_PROPERTIES",
        CatalogPrivilege.NamespaceDrop => "NAMESPACE_DROP",
        CatalogPrivilege.TableList => "TABLE_LIST",
        CatalogPrivilege.TableCreate => "TABLE_CREATE",
        CatalogPrivilege.TableReadProperties => "TABLE_READ_PROPERTIES",
        CatalogPrivilege.TableWriteProperties => "TABLE_WRITE_PROPERTIES",
        CatalogPrivilege.TableDrop => "TABLE_DROP",
        CatalogPrivilege.TableRename => "TABLE_RENAME",
        CatalogPrivilege.TableRegister => "TABLE_REGISTER",
        CatalogPrivilege.ViewList => "VIEW_LIST",
        CatalogPrivilege.ViewCreate => "VIEW_CREATE",
        CatalogPrivilege.ViewReadProperties => "VIEW_READ_PROPERTIES",
        CatalogPrivilege.ViewWriteProperties => "VIEW_WRITE_PROPERTIES",
        CatalogPrivilege.ViewDrop => "VIEW_DROP",
        CatalogPrivilege.ViewRename => "VIEW_RENAME",
        CatalogPrivilege.ViewRegister => "VIEW_REGISTER",
        _ => "CATALOG_MANAGE",
    };
}
