using Iomete.DataSecurity.Engine;
using Iomete.DataSecurity.Model;

namespace Iomete.Bench;

/// <summary>
/// The policy benchmark's generated world: 10,000 policies over 500 databases (access policies on exact and wildcard
/// resources with allow, deny and exceptions; masks; row filters), 1,000 users in 50 groups, and a pool of requests.
/// </summary>
internal sealed class PolicyWorkload
{
    public const int PolicyCount = 10_000;
    public const int UserCount = 1_000;
    public const int GroupCount = 50;
    private const int Databases = 500;
    private const int TablesPerDatabase = 20;

    public PolicyWorkload(int seed, int requestPool)
    {
        var random = new Random(seed);
        Snapshot = new PolicySnapshot(1, Generate(random).ToList(), [], [], new HashSet<string>(), new HashSet<string>());
        Users = Enumerable.Range(0, UserCount).Select(u => new PolicyUser($"user{u}",
            Enumerable.Range(0, 1 + (u % 3)).Select(g => $"group{(u + g * 17) % GroupCount}").ToHashSet(),
            new HashSet<string>(), new Dictionary<string, string> { ["dept"] = $"dept{u % 7}" })).ToArray();
        string[] types = ["select", "select", "select", "insert", "update", "drop"];
        var at = DateTimeOffset.UtcNow;
        Requests = Enumerable.Range(0, requestPool).Select(_ =>
        {
            var resource = new Dictionary<string, string>
            {
                ["database"] = $"spark_catalog.db{random.Next(Databases)}",
                ["table"] = $"t{random.Next(TablesPerDatabase)}",
                ["column"] = $"c{random.Next(10)}",
            };
            return new PolicyRequest(resource, types[random.Next(types.Length)], Users[random.Next(UserCount)], at);
        }).ToArray();
    }

    public PolicySnapshot Snapshot { get; }

    public PolicyUser[] Users { get; }

    public PolicyRequest[] Requests { get; }

    private static IEnumerable<RangerPolicy> Generate(Random random)
    {
        for (var id = 1; id <= PolicyCount; id++)
        {
            var db = random.Next(Databases);
            var table = $"t{random.Next(TablesPerDatabase)}";
            var roll = random.Next(100);
            var principal = Principal(random);
            if (roll < 80)
            {
                var wildcard = roll < 10;
                var deny = roll is >= 10 and < 20;
                yield return new RangerPolicy
                {
                    Id = id, Name = $"access-{id}",
                    Resources = Resources(wildcard ? $"spark_catalog.db{db}*" : $"spark_catalog.db{db}", wildcard ? "*" : table, "*"),
                    PolicyItems = deny ? [] : [Item(random.Next(3) == 0 ? "all" : "select", principal)],
                    DenyPolicyItems = deny ? [Item("select", principal)] : [],
                    AllowExceptions = roll % 7 == 0 ? [Item("select", Principal(random))] : [],
                };
            }
            else if (roll < 90)
            {
                yield return new RangerPolicy
                {
                    Id = id, Name = $"mask-{id}", PolicyType = RangerPolicyTypes.DataMask,
                    Resources = Resources($"spark_catalog.db{db}", table, $"c{random.Next(10)}"),
                    DataMaskPolicyItems = [new RangerDataMaskPolicyItem
                    {
                        Accesses = [new() { Type = "select" }], Groups = [.. principal.Groups], Users = [.. principal.Users],
                        DataMaskInfo = new() { DataMaskType = random.Next(2) == 0 ? "MASK_SHOW_LAST_4" : "MASK_HASH" },
                    }],
                };
            }
            else
            {
                yield return new RangerPolicy
                {
                    Id = id, Name = $"filter-{id}", PolicyType = RangerPolicyTypes.RowFilter,
                    Resources = Resources($"spark_catalog.db{db}", table, null),
                    RowFilterPolicyItems = [new RangerRowFilterPolicyItem
                    {
                        Accesses = [new() { Type = "select" }], Groups = [.. principal.Groups], Users = [.. principal.Users],
                        RowFilterInfo = new() { FilterExpr = "dept = '${{USER.dept}}'" },
                    }],
                };
            }
        }
    }

    private static (List<string> Users, List<string> Groups) Principal(Random random) => random.Next(4) == 0
        ? ([$"user{random.Next(UserCount)}"], [])
        : ([], [$"group{random.Next(GroupCount)}"]);

    private static RangerPolicyItem Item(string access, (List<string> Users, List<string> Groups) principal) => new()
    {
        Accesses = [new() { Type = access }], Users = principal.Users, Groups = principal.Groups,
    };

    private static Dictionary<string, RangerPolicyResource> Resources(string database, string table, string? column)
    {
        var resources = new Dictionary<string, RangerPolicyResource>
        {
            ["database"] = new() { Values = [database] },
            ["table"] = new() { Values = [table] },
        };
        if (column is not null)
        {
            resources["column"] = new RangerPolicyResource { Values = [column] };
        }
        return resources;
    }
}
