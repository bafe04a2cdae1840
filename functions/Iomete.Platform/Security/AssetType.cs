namespace Iomete.Platform.Security;

/// <summary>Resource types that live in resource bundles (IOMETE's RAS).</summary>
public enum AssetType
{
    Compute,
    SparkJob,
    Workspace,
    JupyterContainer,
    Schedule,
    Pipeline,
    EventStream,
    StorageConfig,
    VaultConfiguration,
    Namespace,
    Domain,
}

/// <summary>The permissions each asset type knows, as in IOMETE's RAS table.</summary>
public static class AssetPermissions
{
    private static readonly Dictionary<AssetType, string[]> ByType = new()
    {
        [AssetType.Compute] = ["VIEW", "UPDATE", "DELETE", "EXECUTE", "CONSUME"],
        [AssetType.SparkJob] = ["VIEW", "UPDATE", "DELETE", "SUSPEND", "RUN"],
        [AssetType.Workspace] = ["VIEW", "PUT", "MOVE", "DELETE"],
        [AssetType.JupyterContainer] = ["VIEW", "UPDATE", "DELETE", "RUN"],
        [AssetType.Schedule] = ["VIEW", "UPDATE", "DELETE", "SUSPEND", "RUN"],
        [AssetType.Pipeline] = ["VIEW", "UPDATE", "DELETE", "SUSPEND", "RUN"],
        [AssetType.EventStream] = ["VIEW", "UPDATE", "DELETE", "EXECUTE", "CONSUME"],
        [AssetType.StorageConfig] = ["CONSUME"],
        [AssetType.VaultConfiguration] = ["VIEW", "UPDATE", "USE"],
        [AssetType.Namespace] = ["USE"],
        [AssetType.Domain] = DomainPermission.All,
    };

    public static IReadOnlyList<string> For(AssetType type) => ByType[type];

    public static bool IsValid(AssetType type, string permission) => ByType[type].Contains(permission);
}

/// <summary>The permissions of a domain bundle (domain-level authorization).</summary>
public static class DomainPermission
{
    public const string CreateCompute = "CREATE_COMPUTE";
    public const string CreateSparkJob = "CREATE_SPARK_JOB";
    public const string ManageMarketplace = "MANAGE_MARKETPLACE";
    public const string ViewDataCatalog = "VIEW_DATA_CATALOG";
    public const string ManageDataCatalog = "MANAGE_DATA_CATALOG";
    public const string ViewSparkSettings = "VIEW_SPARK_SETTINGS";
    public const string ManageSparkSettings = "MANAGE_SPARK_SETTINGS";
    public const string ViewSecrets = "VIEW_SECRETS";
    public const string ManageSecrets = "MANAGE_SECRETS";
    public const string ListSecrets = "LIST_SECRETS";
    public const string ListSharedWorksheet = "LIST_SHARED_WORKSHEET";
    public const string ManageSharedWorksheet = "MANAGE_SHARED_WORKSHEET";
    public const string ManageGitRepo = "MANAGE_GIT_REPO";
    public const string ExportSqlEditor = "EXPORT_SQL_EDITOR";
    public const string ManageAccessToken = "MANAGE_ACCESS_TOKEN";
    public const string CreateResourceBundle = "CREATE_RESOURCE_BUNDLE";
    public const string ViewDataProduct = "VIEW_DATA_PRODUCT";
    public const string ManageDataProduct = "MANAGE_DATA_PRODUCT";
    public const string CreateJupyterContainer = "CREATE_JUPYTER_CONTAINER";

    public static readonly string[] All =
    [
        CreateCompute, CreateSparkJob, ManageMarketplace, ViewDataCatalog, ManageDataCatalog,
        ViewSparkSettings, ManageSparkSettings, ViewSecrets, ManageSecrets, ListSecrets,
        ListSharedWorksheet, ManageSharedWorksheet, ManageGitRepo, ExportSqlEditor,
        ManageAccessToken, CreateResourceBundle, ViewDataProduct, ManageDataProduct, CreateJupyterContainer,
    ];
}
