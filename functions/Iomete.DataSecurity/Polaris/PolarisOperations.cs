namespace Iomete.DataSecurity.Polaris;

/// <summary>
/// Polaris operations (<c>PolarisAuthorizableOperation</c> names, as in the Ranger authorizer's tests) → required
/// privileges, after Polaris' <c>RbacOperationSemantics</c> as its Ranger authorizer applies them. Operations on
/// principal roles and catalog roles (and their grants) are not supported: Ranger policies replace those grants, so
/// <see cref="Find"/> returns null and callers refuse them.
/// </summary>
public static class PolarisOperations
{
    private static readonly Dictionary<string, PolarisOperationSemantics> Semantics = Build();

    public static IReadOnlyCollection<string> Supported => Semantics.Keys;

    public static bool IsSupported(string operation) => Semantics.ContainsKey(operation);

    public static PolarisOperationSemantics? Find(string operation) => Semantics.GetValueOrDefault(operation);

    private static Dictionary<string, PolarisOperationSemantics> Build()
    {
        var map = new Dictionary<string, PolarisOperationSemantics>(StringComparer.Ordinal);
        void On(string op, string[] target, params string[] secondary) => map[op] = new PolarisOperationSemantics(target, secondary);

        On("LIST_NAMESPACES", ["NAMESPACE_LIST"]);
        On("NAMESPACE_EXISTS", ["NAMESPACE_LIST"]);
        On("CREATE_NAMESPACE", ["NAMESPACE_CREATE"]);
        On("LOAD_NAMESPACE_METADATA", ["NAMESPACE_READ_PROPERTIES"]);
        On("DROP_NAMESPACE", ["NAMESPACE_DROP"]);
        On("UPDATE_NAMESPACE_PROPERTIES", ["NAMESPACE_WRITE_PROPERTIES"]);
        On("LIST_TABLES", ["TABLE_LIST"]);
        On("TABLE_EXISTS", ["TABLE_LIST"]);
        On("CREATE_TABLE_DIRECT", ["TABLE_CREATE"]);
        On("CREATE_TABLE_DIRECT_WITH_WRITE_DELEGATION", ["TABLE_CREATE", "TABLE_WRITE_DATA"]);
        On("CREATE_TABLE_STAGED", ["TABLE_CREATE"]);
        On("CREATE_TABLE_STAGED_WITH_WRITE_DELEGATION", ["TABLE_CREATE", "TABLE_WRITE_DATA"]);
        On("REGISTER_TABLE", ["TABLE_CREATE"]);
        On("REGISTER_TABLE_WITH_READ_DELEGATION", ["TABLE_CREATE", "TABLE_READ_DATA"]);
        On("REGISTER_TABLE_WITH_WRITE_DELEGATION", ["TABLE_CREATE", "TABLE_WRITE_DATA"]);
        On("REGISTER_TABLE_OVERWRITE", ["TABLE_FULL_METADATA"]);
        On("REGISTER_TABLE_OVERWRITE_WITH_READ_DELEGATION", ["TABLE_FULL_METADATA", "TABLE_READ_DATA"]);
        On("REGISTER_TABLE_OVERWRITE_WITH_WRITE_DELEGATION", ["TABLE_FULL_METADATA", "TABLE_WRITE_DATA"]);
        On("LOAD_TABLE", ["TABLE_READ_PROPERTIES"]);
        On("LOAD_TABLE_WITH_READ_DELEGATION", ["TABLE_READ_DATA"]);
        On("LOAD_TABLE_WITH_WRITE_DELEGATION", ["TABLE_WRITE_DATA"]);
        On("UPDATE_TABLE", ["TABLE_WRITE_PROPERTIES"]);
        On("UPDATE_TABLE_FOR_STAGED_CREATE", ["TABLE_CREATE"]);
        On("DROP_TABLE_WITHOUT_PURGE", ["TABLE_DROP"]);
        On("DROP_TABLE_WITH_PURGE", ["TABLE_DROP", "TABLE_WRITE_DATA"]);
        On("RENAME_TABLE", ["TABLE_DROP"], "TABLE_LIST", "TABLE_CREATE");
        On("COMMIT_TRANSACTION", ["TABLE_WRITE_PROPERTIES", "TABLE_CREATE"]);
        On("REPORT_READ_METRICS", ["TABLE_READ_DATA"]);
        On("LIST_TABLE_METRICS", ["TABLE_READ_DATA"]);
        On("REPORT_WRITE_METRICS", ["TABLE_WRITE_DATA"]);
        On("SEND_NOTIFICATIONS", ["TABLE_CREATE", "TABLE_WRITE_PROPERTIES", "TABLE_DROP", "NAMESPACE_CREATE", "NAMESPACE_DROP"]);
        On("LIST_VIEWS", ["VIEW_LIST"]);
        On("VIEW_EXISTS", ["VIEW_LIST"]);
        On("CREATE_VIEW", ["VIEW_CREATE"]);
        On("REGISTER_VIEW", ["VIEW_CREATE"]);
        On("LOAD_VIEW", ["VIEW_READ_PROPERTIES"]);
        On("REPLACE_VIEW", ["VIEW_WRITE_PROPERTIES"]);
        On("DROP_VIEW", ["VIEW_DROP"]);
        On("RENAME_VIEW", ["VIEW_DROP"], "VIEW_LIST", "VIEW_CREATE");
        On("LIST_CATALOGS", ["CATALOG_LIST"]);
        On("CREATE_CATALOG", ["CATALOG_CREATE"]);
        On("GET_CATALOG", ["CATALOG_READ_PROPERTIES"]);
        On("UPDATE_CATALOG", ["CATALOG_WRITE_PROPERTIES"]);
        On("DELETE_CATALOG", ["CATALOG_DROP"]);
        On("LIST_PRINCIPALS", ["PRINCIPAL_LIST"]);
        On("CREATE_PRINCIPAL", ["PRINCIPAL_CREATE"]);
        On("GET_PRINCIPAL", ["PRINCIPAL_READ_PROPERTIES"]);
        On("UPDATE_PRINCIPAL", ["PRINCIPAL_WRITE_PROPERTIES"]);
        On("DELETE_PRINCIPAL", ["PRINCIPAL_DROP"]);
        On("ROTATE_CREDENTIALS", ["PRINCIPAL_ROTATE_CREDENTIALS"]);
        On("RESET_CREDENTIALS", ["PRINCIPAL_RESET_CREDENTIALS"]);
        On("CREATE_POLICY", ["POLICY_CREATE"]);
        On("LOAD_POLICY", ["POLICY_READ"]);
        On("DROP_POLICY", ["POLICY_DROP"]);
        On("UPDATE_POLICY", ["POLICY_WRITE"]);
        On("LIST_POLICY", ["POLICY_LIST"]);
        On("ATTACH_POLICY_TO_CATALOG", ["POLICY_ATTACH"], "CATALOG_ATTACH_POLICY");
        On("ATTACH_POLICY_TO_NAMESPACE", ["POLICY_ATTACH"], "NAMESPACE_ATTACH_POLICY");
        On("ATTACH_POLICY_TO_TABLE", ["POLICY_ATTACH"], "TABLE_ATTACH_POLICY");
        On("DETACH_POLICY_FROM_CATALOG", ["POLICY_DETACH"], "CATALOG_DETACH_POLICY");
        On("DETACH_POLICY_FROM_NAMESPACE", ["POLICY_DETACH"], "NAMESPACE_DETACH_POLICY");
        On("DETACH_POLICY_FROM_TABLE", ["POLICY_DETACH"], "TABLE_DETACH_POLICY");
        On("GET_APPLICABLE_POLICIES_ON_CATALOG", ["CATALOG_READ_PROPERTIES"]);
        On("GET_APPLICABLE_POLICIES_ON_NAMESPACE", ["NAMESPACE_READ_PROPERTIES"]);
        On("GET_APPLICABLE_POLICIES_ON_TABLE", ["TABLE_READ_PROPERTIES"]);
        On("ASSIGN_TABLE_UUID", ["TABLE_ASSIGN_UUID"]);
        On("UPGRADE_TABLE_FORMAT_VERSION", ["TABLE_UPGRADE_FORMAT_VERSION"]);
        On("ADD_TABLE_SCHEMA", ["TABLE_ADD_SCHEMA"]);
        On("SET_TABLE_CURRENT_SCHEMA", ["TABLE_SET_CURRENT_SCHEMA"]);
        On("ADD_TABLE_PARTITION_SPEC", ["TABLE_ADD_PARTITION_SPEC"]);
        On("ADD_TABLE_SORT_ORDER", ["TABLE_ADD_SORT_ORDER"]);
        On("SET_TABLE_DEFAULT_SORT_ORDER", ["TABLE_SET_DEFAULT_SORT_ORDER"]);
        On("ADD_TABLE_SNAPSHOT", ["TABLE_ADD_SNAPSHOT"]);
        On("SET_TABLE_SNAPSHOT_REF", ["TABLE_SET_SNAPSHOT_REF"]);
        On("REMOVE_TABLE_SNAPSHOTS", ["TABLE_REMOVE_SNAPSHOTS"]);
        On("REMOVE_TABLE_SNAPSHOT_REF", ["TABLE_REMOVE_SNAPSHOT_REF"]);
        On("SET_TABLE_LOCATION", ["TABLE_SET_LOCATION"]);
        On("SET_TABLE_PROPERTIES", ["TABLE_SET_PROPERTIES"]);
        On("REMOVE_TABLE_PROPERTIES", ["TABLE_REMOVE_PROPERTIES"]);
        On("SET_TABLE_STATISTICS", ["TABLE_SET_STATISTICS"]);
        On("REMOVE_TABLE_STATISTICS", ["TABLE_REMOVE_STATISTICS"]);
        On("REMOVE_TABLE_PARTITION_SPECS", ["TABLE_REMOVE_PARTITION_SPECS"]);
        return map;
    }
}
