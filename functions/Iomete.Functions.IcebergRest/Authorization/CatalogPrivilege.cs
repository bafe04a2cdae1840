namespace Iomete.Functions.IcebergRest.Authorization;

/// <summary>Operation-level privileges on a catalog's contents (named after Apache Polaris' privileges).</summary>
public enum CatalogPrivilege
{
    NamespaceList,
    NamespaceCreate,
    NamespaceReadProperties,
    NamespaceWriteProperties,
    NamespaceDrop,
    /// <summary>Create and delete catalogs themselves.</summary>
    CatalogManage,
}
