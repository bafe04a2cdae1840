namespace Iomete.DataSecurity.Engine;

/// <summary>
/// How a policy's resource relates to the requested resource (Ranger's <c>RangerPolicyResourceMatcher.MatchType</c>):
/// SELF = same resource; SELF_AND_ALL_DESCENDANTS = the request names fewer levels and the policy's remaining levels are
/// all <c>*</c>; DESCENDANT = the policy is on something below the request; ANCESTOR = the policy names fewer levels.
/// </summary>
internal enum MatchType
{
    None,
    Self,
    SelfAndAllDescendants,
    Descendant,
    Ancestor,
}

internal static class MatchTypes
{
    public static MatchType Parse(string? name) => name?.ToUpperInvariant() switch
    {
        "DESCENDANT" => MatchType.Descendant,
        "ANCESTOR" => MatchType.Ancestor,
        "SELF_AND_ALL_DESCENDANTS" => MatchType.SelfAndAllDescendants,
        _ => MatchType.Self,
    };

    /// <summary>A specific access needs the policy to cover the resource itself; "any access" accepts any relation.</summary>
    public static bool Applies(MatchType type, bool anyAccess) =>
        anyAccess ? type != MatchType.None : type is MatchType.Self or MatchType.SelfAndAllDescendants;

    /// <summary>Preference when a policy has several resource sets.</summary>
    public static int Rank(MatchType type) => type switch
    {
        MatchType.SelfAndAllDescendants => 4,
        MatchType.Self => 3,
        MatchType.Descendant => 2,
        MatchType.Ancestor => 1,
        _ => 0,
    };
}
