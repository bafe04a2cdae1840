using Iomete.DataSecurity.Decisions;
using Iomete.DataSecurity.Model;

namespace Iomete.Functions.Identity.DataSecurity.Policies;

/// <summary>
/// The access policies a new platform starts with, so that data access behaves as before policies existed until an
/// admin locks things down: catalog managers may do everything, everyone may read. Both are ordinary policies
/// (editable, deletable); they are written once, by a migration.
/// </summary>
public static class DefaultPolicies
{
    public const string CatalogManagers = "default-catalog-managers";
    public const string ReadAll = "default-read-all";
    public const string AuditReaders = "default-audit-readers";

    /// <summary>The system database (the data-access audit table); the defaults for everyone leave it out.</summary>
    public const string SystemDatabase = "spark_catalog.iomete_system_db";

    public static IReadOnlyList<RangerPolicy> All { get; } =
    [
        Everything(CatalogManagers, "Spark catalog managers may do everything on every table but the system database (seeded).",
            new RangerPolicyItem { Roles = ["SPARK_CATALOG_MANAGER"], Accesses = [Access(DataAccessTypes.All)] },
            new RangerPolicyResource { Values = [SystemDatabase], IsExcludes = true }),
        Everything(ReadAll, "Everyone may read every table but the system database (seeded; delete or narrow it to lock data down).",
            new RangerPolicyItem { Groups = ["public"], Accesses = [Access(DataAccessTypes.Select), Access(DataAccessTypes.Read)] },
            new RangerPolicyResource { Values = [SystemDatabase], IsExcludes = true }),
        Everything(AuditReaders, "Data security and audit managers may read the system tables, e.g. data_access_audit (seeded).",
            new RangerPolicyItem { Roles = ["DATA_SECURITY_AND_AUDIT_MANAGER"], Accesses = [Access(DataAccessTypes.Select), Access(DataAccessTypes.Read)] },
            new RangerPolicyResource { Values = [SystemDatabase] }),
    ];

    private static RangerPolicy Everything(string name, string description, RangerPolicyItem item, RangerPolicyResource databases) => new()
    {
        Service = PolicyKinds.ResourceService,
        Name = name,
        Description = description,
        PolicyType = RangerPolicyTypes.Access,
        Resources = new Dictionary<string, RangerPolicyResource>
        {
            ["database"] = databases,
            ["table"] = new() { Values = ["*"] },
            ["column"] = new() { Values = ["*"] },
        },
        PolicyItems = [item],
    };

    private static RangerPolicyItemAccess Access(string type) => new() { Type = type, IsAllowed = true };
}
