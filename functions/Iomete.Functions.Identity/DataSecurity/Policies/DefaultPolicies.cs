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

    public static IReadOnlyList<RangerPolicy> All { get; } =
    [
        Everything(CatalogManagers, "Spark catalog managers may do everything on every table (seeded).",
            new RangerPolicyItem { Roles = ["SPARK_CATALOG_MANAGER"], Accesses = [Access(DataAccessTypes.All)] }),
        Everything(ReadAll, "Everyone may read every table (seeded; delete or narrow it to lock data down).",
            new RangerPolicyItem { Groups = ["public"], Accesses = [Access(DataAccessTypes.Select), Access(DataAccessTypes.Read)] }),
    ];

    private static RangerPolicy Everything(string name, string description, RangerPolicyItem item) => new()
    {
        Service = PolicyKinds.ResourceService,
        Name = name,
        Description = description,
        PolicyType = RangerPolicyTypes.Access,
        Resources = new Dictionary<string, RangerPolicyResource>
        {
            ["database"] = new() { Values = ["*"] },
            ["table"] = new() { Values = ["*"] },
            ["column"] = new() { Values = ["*"] },
        },
        PolicyItems = [item],
    };

    private static RangerPolicyItemAccess Access(string type) => new() { Type = type, IsAllowed = true };
}
