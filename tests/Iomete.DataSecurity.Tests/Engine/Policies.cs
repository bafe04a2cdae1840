using Iomete.DataSecurity.Engine;
using Iomete.DataSecurity.Model;

namespace Iomete.DataSecurity.Tests.Engine;

/// <summary>Builders for policies and requests over the iomete service definition.</summary>
internal static class Policies
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static Dictionary<string, RangerPolicyResource> On(string database, string? table = null, string? column = null)
    {
        var resources = new Dictionary<string, RangerPolicyResource> { ["database"] = new() { Values = [database] } };
        if (table is not null)
        {
            resources["table"] = new RangerPolicyResource { Values = [table] };
        }
        if (column is not null)
        {
            resources["column"] = new RangerPolicyResource { Values = [column] };
        }
        return resources;
    }

    public static RangerPolicyItem Item(string[] accesses, string[]? users = null, string[]? groups = null, string[]? roles = null) => new()
    {
        Accesses = accesses.Select(a => new RangerPolicyItemAccess { Type = a }).ToList(),
        Users = [.. users ?? []],
        Groups = [.. groups ?? []],
        Roles = [.. roles ?? []],
    };

    public static PolicyUser User(string name, string[]? groups = null, string[]? roles = null, Dictionary<string, string>? attributes = null) =>
        new(name, new HashSet<string>(groups ?? []), new HashSet<string>(roles ?? []), attributes ?? []);

    public static PolicyRequest Request(PolicyUser user, string access, string database, string? table = null, string? column = null,
        IReadOnlyList<ResourceTag>? tags = null, string? owner = null, DateTimeOffset? at = null)
    {
        var resource = new Dictionary<string, string> { ["database"] = database };
        if (table is not null)
        {
            resource["table"] = table;
        }
        if (column is not null)
        {
            resource["column"] = column;
        }
        return new PolicyRequest(resource, access, user, at ?? Now, null, owner, tags);
    }

    public static IPolicyEvaluator EngineOf(IEnumerable<RangerPolicy> policies, IEnumerable<RangerPolicy>? tagPolicies = null, IEnumerable<RangerRole>? roles = null) =>
        PolicyEngines.Create(new PolicySnapshot(1, policies.ToList(), (tagPolicies ?? []).ToList(), (roles ?? []).ToList(),
            new HashSet<string> { "root" }, new HashSet<string>()));
}
