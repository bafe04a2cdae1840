using Iomete.DataSecurity.Decisions;

namespace Iomete.Functions.IcebergRest.Authorization;

/// <summary>
/// Polaris' operation privileges in terms of IOMETE's policy access types (any one of the listed types suffices).
/// Listings need nothing up front: their items are filtered by <see cref="ICatalogAuthorizer.CanSeeAsync"/>.
/// </summary>
internal static class CatalogPrivileges
{
    public static IReadOnlyList<string> AccessTypes(CatalogPrivilege privilege) => privilege switch
    {
        CatalogPrivilege.NamespaceList or CatalogPrivilege.TableList or CatalogPrivilege.ViewList => [],
        CatalogPrivilege.NamespaceCreate => [DataAccessTypes.CreateDatabase, DataAccessTypes.Create],
        CatalogPrivilege.NamespaceReadProperties => [DataAccessTypes.Any],
        CatalogPrivilege.NamespaceWriteProperties => [DataAccessTypes.AlterDatabase, DataAccessTypes.Alter],
        CatalogPrivilege.NamespaceDrop => [DataAccessTypes.DropDatabase, DataAccessTypes.Drop],
        CatalogPrivilege.TableCreate or CatalogPrivilege.TableRegister or CatalogPrivilege.ViewCreate or CatalogPrivilege.ViewRegister => [DataAccessTypes.Create],
        CatalogPrivilege.TableReadProperties or CatalogPrivilege.ViewReadProperties => [DataAccessTypes.Any],
        CatalogPrivilege.TableWriteProperties or CatalogPrivilege.ViewWriteProperties => [DataAccessTypes.Alter],
        CatalogPrivilege.TableDrop or CatalogPrivilege.TableRename or CatalogPrivilege.ViewDrop or CatalogPrivilege.ViewRename => [DataAccessTypes.Drop],
        _ => [DataAccessTypes.All],
    };

    public static string Name(CatalogPrivilege privilege) => privilege switch
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
