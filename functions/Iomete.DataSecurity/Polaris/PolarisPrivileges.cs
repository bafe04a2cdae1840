namespace Iomete.DataSecurity.Polaris;

/// <summary>Polaris privileges (<c>PolarisPrivilege</c> names) and the Ranger Polaris access type each one is checked as.</summary>
public static class PolarisPrivileges
{
    private static readonly Dictionary<string, string> AccessTypes = new(StringComparer.Ordinal)
    {
        ["SERVICE_MANAGE_ACCESS"] = "service-access-manage",
        ["PRINCIPAL_CREATE"] = "principal-create",
        ["PRINCIPAL_DROP"] = "principal-drop",
        ["PRINCIPAL_LIST"] = "principal-list",
        ["PRINCIPAL_READ_PROPERTIES"] = "principal-properties-read",
        ["PRINCIPAL_WRITE_PROPERTIES"] = "principal-properties-write",
        ["PRINCIPAL_FULL_METADATA"] = "principal-metadata-full",
        ["PRINCIPAL_ROTATE_CREDENTIALS"] = "principal-credentials-rotate",
        ["PRINCIPAL_RESET_CREDENTIALS"] = "principal-credentials-reset",
        ["CATALOG_CREATE"] = "catalog-create",
        ["CATALOG_DROP"] = "catalog-drop",
        ["CATALOG_LIST"] = "catalog-list",
        ["CATALOG_READ_PROPERTIES"] = "catalog-properties-read",
        ["CATALOG_WRITE_PROPERTIES"] = "catalog-properties-write",
        ["CATALOG_FULL_METADATA"] = "catalog-metadata-full",
        ["CATALOG_MANAGE_METADATA"] = "catalog-metadata-manage",
        ["CATALOG_MANAGE_CONTENT"] = "catalog-content-manage",
        ["CATALOG_ATTACH_POLICY"] = "catalog-policy-attach",
        ["CATALOG_DETACH_POLICY"] = "catalog-policy-detach",
        ["NAMESPACE_CREATE"] = "namespace-create",
        ["NAMESPACE_DROP"] = "namespace-drop",
        ["NAMESPACE_LIST"] = "namespace-list",
        ["NAMESPACE_READ_PROPERTIES"] = "namespace-properties-read",
        ["NAMESPACE_WRITE_PROPERTIES"] = "namespace-properties-write",
        ["NAMESPACE_FULL_METADATA"] = "namespace-metadata-full",
        ["NAMESPACE_ATTACH_POLICY"] = "namespace-policy-attach",
        ["NAMESPACE_DETACH_POLICY"] = "namespace-policy-detach",
        ["TABLE_CREATE"] = "table-create",
        ["TABLE_DROP"] = "table-drop",
        ["TABLE_LIST"] = "table-list",
        ["TABLE_READ_PROPERTIES"] = "table-properties-read",
        ["TABLE_WRITE_PROPERTIES"] = "table-properties-write",
        ["TABLE_READ_DATA"] = "table-data-read",
        ["TABLE_WRITE_DATA"] = "table-data-write",
        ["TABLE_FULL_METADATA"] = "table-metadata-full",
        ["TABLE_ATTACH_POLICY"] = "table-policy-attach",
        ["TABLE_DETACH_POLICY"] = "table-policy-detach",
        ["TABLE_ASSIGN_UUID"] = "table-uuid-assign",
        ["TABLE_UPGRADE_FORMAT_VERSION"] = "table-format-version-upgrade",
        ["TABLE_ADD_SCHEMA"] = "table-schema-add",
        ["TABLE_SET_CURRENT_SCHEMA"] = "table-schema-set-current",
        ["TABLE_ADD_PARTITION_SPEC"] = "table-partition-spec-add",
        ["TABLE_ADD_SORT_ORDER"] = "table-sort-order-add",
        ["TABLE_SET_DEFAULT_SORT_ORDER"] = "table-sort-order-set-default",
        ["TABLE_ADD_SNAPSHOT"] = "table-snapshot-add",
        ["TABLE_SET_SNAPSHOT_REF"] = "table-snapshot-ref-set",
        ["TABLE_REMOVE_SNAPSHOTS"] = "table-snapshots-remove",
        ["TABLE_REMOVE_SNAPSHOT_REF"] = "table-snapshot-ref-remove",
        ["TABLE_SET_LOCATION"] = "table-location-set",
        ["TABLE_SET_PROPERTIES"] = "table-properties-set",
        ["TABLE_REMOVE_PROPERTIES"] = "table-properties-remove",
        ["TABLE_SET_STATISTICS"] = "table-statistics-set",
        ["TABLE_REMOVE_STATISTICS"] = "table-statistics-remove",
        ["TABLE_REMOVE_PARTITION_SPECS"] = "table-partition-specs-remove",
        ["TABLE_MANAGE_STRUCTURE"] = "table-structure-manage",
        ["VIEW_CREATE"] = "view-create",
        ["VIEW_DROP"] = "view-drop",
        ["VIEW_LIST"] = "view-list",
        ["VIEW_READ_PROPERTIES"] = "view-properties-read",
        ["VIEW_WRITE_PROPERTIES"] = "view-properties-write",
        ["VIEW_FULL_METADATA"] = "view-metadata-full",
        ["POLICY_CREATE"] = "policy-create",
        ["POLICY_READ"] = "policy-read",
        ["POLICY_DROP"] = "policy-drop",
        ["POLICY_WRITE"] = "policy-write",
        ["POLICY_LIST"] = "policy-list",
        ["POLICY_FULL_METADATA"] = "policy-metadata-full",
        ["POLICY_ATTACH"] = "policy-attach",
        ["POLICY_DETACH"] = "policy-detach",
    };

    /// <summary>Every privilege the Ranger Polaris service definition models.</summary>
    public static IReadOnlyCollection<string> All => AccessTypes.Keys;

    /// <summary>The Ranger access type for a privilege (e.g. TABLE_READ_PROPERTIES → <c>table-properties-read</c>).</summary>
    public static string ToAccessType(string privilege) =>
        AccessTypes.TryGetValue(privilege, out var type)
            ? type
            : throw new ArgumentOutOfRangeException(nameof(privilege), privilege, "not a Polaris privilege the Ranger service definition models");
}
