namespace Iomete.DataSecurity.Engine;

/// <summary>The tag policies that apply to a request's tags, paired with the tag, in the repository's order.</summary>
internal static class TagPolicies
{
    public static List<(CompiledPolicy Policy, ResourceTag Tag)> Matching(PolicyRepository tags, IReadOnlyList<ResourceTag> requestTags)
    {
        var pairs = new List<(CompiledPolicy, ResourceTag)>();
        var macros = new MacroContext("", null, EmptyAttributes);
        foreach (var tag in requestTags)
        {
            var resource = new Dictionary<string, string>(1) { ["tag"] = tag.Type };
            foreach (var rank in tags.Candidates(resource))
            {
                var policy = tags[rank];
                if (MatchTypes.Applies(policy.GetMatchType(resource, macros), anyAccess: false))
                {
                    pairs.Add((policy, tag));
                }
            }
        }
        pairs.Sort((a, b) => a.Item1.Rank.CompareTo(b.Item1.Rank));
        return pairs;
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyAttributes = new Dictionary<string, string>();
}
