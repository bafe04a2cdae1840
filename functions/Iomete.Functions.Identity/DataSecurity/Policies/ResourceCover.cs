using System.Text.RegularExpressions;
using Iomete.DataSecurity.Model;

namespace Iomete.Functions.Identity.DataSecurity.Policies;

/// <summary>
/// Whether one resource set of a policy (the delegation) covers another (the policy being changed), conservatively:
/// a missing level means any value; exclusions in the delegation never cover; an exclusion or a wildcard in the
/// changed policy is covered only by <c>*</c>.
/// </summary>
internal static class ResourceCover
{
    private static readonly string[] Levels = ["database", "table", "column"];

    public static bool Covers(Dictionary<string, RangerPolicyResource> delegation, Dictionary<string, RangerPolicyResource> target) =>
        Levels.All(level => Covers(delegation.GetValueOrDefault(level), target.GetValueOrDefault(level)));

    private static bool Covers(RangerPolicyResource? delegation, RangerPolicyResource? target)
    {
        if (delegation is null || delegation.Values.Contains("*"))
        {
            return delegation is null || !delegation.IsExcludes;
        }
        if (delegation.IsExcludes || target is null || target.IsExcludes)
        {
            return false;
        }
        return target.Values.All(value => value.IndexOfAny(['*', '?']) < 0
            ? delegation.Values.Any(pattern => Matches(pattern, value))
            : delegation.Values.Contains(value, StringComparer.OrdinalIgnoreCase));
    }

    private static bool Matches(string pattern, string value) =>
        string.Equals(pattern, value, StringComparison.OrdinalIgnoreCase) ||
        (pattern.IndexOfAny(['*', '?']) >= 0 && Regex.IsMatch(value,
            "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100)));
}
