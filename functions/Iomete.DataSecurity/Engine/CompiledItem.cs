using Iomete.DataSecurity.Model;

namespace Iomete.DataSecurity.Engine;

/// <summary>A policy item ready to match: principals (with <c>public</c>, <c>{USER}</c>, <c>{OWNER}</c>), accesses after implied grants, conditions.</summary>
internal sealed class CompiledItem
{
    private readonly HashSet<string> _users;
    private readonly HashSet<string> _groups;
    private readonly HashSet<string> _roles;
    private readonly bool _anyUser;
    private readonly bool _owner;
    private readonly bool _public;
    private readonly HashSet<string> _accesses;
    private readonly ItemConditions _conditions;

    public CompiledItem(RangerPolicyItem item, AccessTypes accessTypes, ServiceDefinition serviceDef)
    {
        _users = new HashSet<string>(item.Users.Where(u => !string.IsNullOrEmpty(u)), StringComparer.Ordinal);
        _groups = new HashSet<string>(item.Groups.Where(g => !string.IsNullOrEmpty(g)), StringComparer.Ordinal);
        _roles = new HashSet<string>(item.Roles, StringComparer.Ordinal);
        _anyUser = _users.Remove("{USER}");
        _owner = _users.Remove("{OWNER}");
        _public = _groups.Contains("public");
        _accesses = accessTypes.Expand(item.Accesses.Where(a => a.IsAllowed).Select(a => a.Type));
        _conditions = new ItemConditions(item.Conditions, serviceDef);
        Source = item;
    }

    public RangerPolicyItem Source { get; }

    public bool HasUnknownConditions => _conditions.HasUnknown;

    public IReadOnlySet<string> Accesses => _accesses;

    public bool MatchesPrincipal(EvalUser user, string? owner) =>
        _public
        || _anyUser
        || _users.Contains(user.Name)
        || (_owner && owner is not null && owner == user.Name)
        || Overlaps(_groups, user.Groups)
        || Overlaps(_roles, user.Roles);

    /// <summary>The item grants <paramref name="accessType"/>; <c>_any</c> = any access at all.</summary>
    public bool MatchesAccess(string accessType) =>
        accessType == PolicyEngine.AnyAccess ? _accesses.Count > 0 : _accesses.Contains(accessType);

    public bool Matches(EvalUser user, string? owner, string accessType, ConditionContext context, bool unknownMeans) =>
        MatchesAccess(accessType) && MatchesPrincipal(user, owner) && _conditions.Evaluate(context, unknownMeans);

    private static bool Overlaps(HashSet<string> named, IReadOnlySet<string> held)
    {
        if (named.Count == 0 || held.Count == 0)
        {
            return false;
        }
        if (named.Count <= held.Count)
        {
            foreach (var n in named)
            {
                if (held.Contains(n))
                {
                    return true;
                }
            }
            return false;
        }
        foreach (var h in held)
        {
            if (named.Contains(h))
            {
                return true;
            }
        }
        return false;
    }
}
