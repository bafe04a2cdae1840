using Iomete.Console.Api;

namespace Iomete.Console.Pages.Admin.Shared;

/// <summary>IOMETE's admin role names (as the API spells them) with what each lets a person do.</summary>
public static class AdminRoles
{
    public const string DomainManager = "DOMAIN_MANAGER";
    public const string IamManager = "IAM_MANAGER";
    public const string SparkCatalogManager = "SPARK_CATALOG_MANAGER";
    public const string DataSecurityAndAuditManager = "DATA_SECURITY_AND_AUDIT_MANAGER";
    public const string ComputeResourcesManager = "COMPUTE_RESOURCES_MANAGER";
    public const string AdministrationManager = "ADMINISTRATION_MANAGER";
    public const string ReadOnlyAdmin = "READ_ONLY_ADMIN";

    public static IReadOnlyList<string> All { get; } =
        [DomainManager, IamManager, SparkCatalogManager, DataSecurityAndAuditManager, ComputeResourcesManager, AdministrationManager, ReadOnlyAdmin];

    public static bool Has(ConsoleUser? user, string role) => user is { } u && (u.IsSuperAdmin || u.AdminRoles.Contains(role));

    /// <summary>"DOMAIN_MANAGER" as "Domain manager".</summary>
    public static string Label(string role) =>
        role.Length == 0 ? role : role[0] + role[1..].Replace('_', ' ').ToLowerInvariant();
}
