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
    ViewList,
    ViewCreate,
    /// <summary>Load a view's metadata (and check that it exists).</summary>
    ViewReadProperties,
    /// <summary>Commit changes to a view (versions, schemas, properties, location).</summary>
    ViewWriteProperties,
    ViewDrop,
    ViewRename,
    ViewRegister,
    /// <summary>Create and delete catalogs themselves.</summary>
    CatalogManage,
}
