namespace Iomete.Functions.IcebergRest.Authorization;

/// <summary>Operation-level privileges on a catalog's contents (named after Apache Polaris' privileges).</summary>
public enum CatalogPrivilege
{
    NamespaceList,
    NamespaceCreate,
    NamespaceReadProperties,
    NamespaceWriteProperties,
    NamespaceDrop,
    TableList,
    TableCreate,
    /// <summary>Load a table's metadata (and plan scans of it).</summary>
    TableReadProperties,
    /// <summary>Commit changes to a table (schema, properties, snapshots).</summary>
    TableWriteProperties,
    TableDrop,
    TableRename,
    TableRegister,
    /// <summary>Create and delete catalogs themselves.</summary>
    CatalogManage,
}
