using System.Collections.Concurrent;
using System.Text.Json;
using Iomete.DataSecurity.Engine;
using Iomete.Functions.Identity.Groups;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.DataAccess;

/// <summary>
/// A caller as the policy engine sees them: username, group names (nested groups included), a role per admin role they
/// hold (named like the role, e.g. <c>SPARK_CATALOG_MANAGER</c>) and attributes for <c>${{USER.x}}</c> macros.
/// Remembered for a minute per user and membership.
/// </summary>
public sealed class PolicyUsers(GroupStore groups, UserStore users, TimeProvider clock)
{
    private const int MaxEntries = 50_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (PolicyUser User, DateTimeOffset Until)> cache = new(StringComparer.Ordinal);

    public async ValueTask<PolicyUser> ResolveAsync(Caller caller, CancellationToken ct)
    {
        var key = caller.UserId + "|" + string.Join(',', caller.GroupIds.Order(StringComparer.Ordinal)) + "|" + string.Join(',', caller.AdminRoles.Order());
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(key, out var hit) && hit.Until > now)
        {
            return hit.User;
        }
        var groupNames = (await groups.RefsAsync(caller.GroupIds, ct)).Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        var roles = caller.AdminRoles.Select(r => JsonNamingPolicy.SnakeCaseUpper.ConvertName(r.ToString())).ToHashSet(StringComparer.Ordinal);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = caller.Username, ["username"] = caller.Username };
        if (await users.GetAsync(caller.UserId, ct) is { } user)
        {
            Add(attributes, "email", user.Email);
            Add(attributes, "firstName", user.FirstName);
            Add(attributes, "lastName", user.LastName);
            Add(attributes, "origin", user.Origin);
        }
        var resolved = new PolicyUser(caller.Username, groupNames, roles, attributes);
        if (cache.Count >= MaxEntries)
        {
            cache.Clear();
        }
        cache[key] = (resolved, now + Lifetime);
        return resolved;
    }

    private static void Add(Dictionary<string, string> attributes, string name, string? value)
    {
        if (value is not null)
        {
            attributes[name] = value;
        }
    }
}
