using System.Collections.Concurrent;
using System.Text.Json;
using Iomete.DataSecurity.Engine;
using Iomete.DataSecurity.Model;

namespace Iomete.DataSecurity.Tests.Conformance;

/// <summary>One of Ranger's policy-engine fixture files: its own service definitions, policies, roles, super users and tests.</summary>
internal sealed class RangerFixture
{
    private static readonly ConcurrentDictionary<string, Lazy<RangerFixture>> Loaded = new(StringComparer.Ordinal);

    private RangerFixture(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedSpecs.Path("ranger", "policyengine", file)));
        var root = doc.RootElement;
        var serviceDef = ServiceDefinition.FromJson(root.GetProperty("serviceDef"));
        var policies = root.GetProperty("policies").Deserialize<List<RangerPolicy>>(RangerJson.Options) ?? [];
        ServiceDefinition? tagDef = null;
        List<RangerPolicy> tagPolicies = [];
        if (root.TryGetProperty("tagPolicyInfo", out var tagInfo))
        {
            tagDef = ServiceDefinition.FromJson(tagInfo.GetProperty("serviceDef"));
            tagPolicies = tagInfo.GetProperty("tagPolicies").Deserialize<List<RangerPolicy>>(RangerJson.Options) ?? [];
        }
        var (superUsers, superGroups) = SuperPrincipals(root);
        var snapshot = new PolicySnapshot(1, policies, tagPolicies, Roles(root), superUsers, superGroups);
        Engine = new PolicyEngine(serviceDef, snapshot, tagDef);
        Cases = root.GetProperty("tests").EnumerateArray().Select(t => t.Clone()).ToList();
    }

    public PolicyEngine Engine { get; }

    public IReadOnlyList<JsonElement> Cases { get; }

    public static RangerFixture Get(string file) => Loaded.GetOrAdd(file, f => new Lazy<RangerFixture>(() => new RangerFixture(f))).Value;

    public static IEnumerable<string> Files() =>
        Directory.GetFiles(SharedSpecs.Path("ranger", "policyengine"), "*.json").Select(System.IO.Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    private static (HashSet<string> Users, HashSet<string> Groups) SuperPrincipals(JsonElement root)
    {
        var users = Strings(root, "superUsers");
        var groups = Strings(root, "superGroups");
        if (root.TryGetProperty("serviceConfig", out var config))
        {
            users.UnionWith(Split(config, "ranger.plugin.super.users"));
            groups.UnionWith(Split(config, "ranger.plugin.super.groups"));
        }
        return (users, groups);
    }

    private static IEnumerable<string> Split(JsonElement config, string key) =>
        config.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];

    /// <summary>Ranger's harness gives roles as maps: user → roles, group → roles, role → member roles.</summary>
    private static List<RangerRole> Roles(JsonElement root)
    {
        var users = new Dictionary<string, List<RangerRoleMember>>();
        var groups = new Dictionary<string, List<RangerRoleMember>>();
        var members = new Dictionary<string, List<RangerRoleMember>>();
        Collect(root, "userRoles", users, byMember: true);
        Collect(root, "groupRoles", groups, byMember: true);
        Collect(root, "roleRoles", members, byMember: false);
        var names = users.Keys.Concat(groups.Keys).Concat(members.Keys).Distinct();
        return names.Select(n => new RangerRole
        {
            Name = n,
            Users = users.GetValueOrDefault(n) ?? [],
            Groups = groups.GetValueOrDefault(n) ?? [],
            Roles = members.GetValueOrDefault(n) ?? [],
        }).ToList();
    }

    private static void Collect(JsonElement root, string property, Dictionary<string, List<RangerRoleMember>> byRole, bool byMember)
    {
        if (!root.TryGetProperty(property, out var map))
        {
            return;
        }
        foreach (var entry in map.EnumerateObject())
        {
            foreach (var value in entry.Value.EnumerateArray().Select(v => v.GetString() ?? ""))
            {
                var (role, member) = byMember ? (value, entry.Name) : (entry.Name, value);
                if (!byRole.TryGetValue(role, out var list))
                {
                    byRole[role] = list = [];
                }
                list.Add(new RangerRoleMember { Name = member });
            }
        }
    }

    internal static HashSet<string> Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Select(s => s.GetString() ?? "").ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
}
