using Iomete.DataSecurity.Model;

namespace Iomete.DataSecurity.Engine;

/// <summary>One resource set of a policy, compiled along its hierarchy; computes Ranger's match type for a request.</summary>
internal sealed class PolicyResourceMatcher
{
    private readonly ResourceDef[]? _hierarchy;
    private readonly ValueMatcher?[] _matchers;
    private readonly int _policyKeyCount;
    private readonly int _lastNonAnyIndex = -1;

    public PolicyResourceMatcher(ResourceHierarchies hierarchies, IReadOnlyDictionary<string, RangerPolicyResource> resources)
    {
        _policyKeyCount = resources.Count;
        _hierarchy = resources.Count == 0 ? null : hierarchies.Shortest(resources.Keys);
        _matchers = new ValueMatcher?[_hierarchy?.Length ?? 0];
        if (_hierarchy is null)
        {
            return;
        }
        for (var i = 0; i < _hierarchy.Length; i++)
        {
            if (!resources.TryGetValue(_hierarchy[i].Name, out var resource))
            {
                break;
            }
            var matcher = new ValueMatcher(_hierarchy[i], resource);
            _matchers[i] = matcher;
            if (!matcher.MatchAny)
            {
                _lastNonAnyIndex = i;
            }
        }
    }

    /// <summary>The top resource's name and matcher (used to index policies), or null.</summary>
    public (string Name, ValueMatcher Matcher)? Root =>
        _hierarchy is not null && _matchers.Length > 0 && _matchers[0] is { } m ? (_hierarchy[0].Name, m) : null;

    public MatchType GetMatchType(IReadOnlyDictionary<string, string> request, in MacroContext macros)
    {
        var requestKeys = request.Count;
        if (_policyKeyCount == 0)
        {
            return requestKeys == 0 ? MatchType.Self : MatchType.None;
        }
        if (_hierarchy is null || !IsValidRequest(request))
        {
            return MatchType.None;
        }
        var result = requestKeys == 0 ? MatchType.Self : MatchType.None;
        for (var i = 0; i < _hierarchy.Length; i++)
        {
            request.TryGetValue(_hierarchy[i].Name, out var value);
            var matcher = _matchers[i];
            if (matcher is null)
            {
                if (value is not null)
                {
                    result = MatchType.Ancestor;
                }
                break;
            }
            if (value is not null || matcher.MatchAny)
            {
                if (!matcher.IsMatch(value, macros))
                {
                    return MatchType.None;
                }
                result = MatchType.Self;
            }
        }
        if (result == MatchType.Self && requestKeys < _policyKeyCount)
        {
            result = requestKeys > _lastNonAnyIndex ? MatchType.SelfAndAllDescendants : MatchType.Descendant;
        }
        return result;
    }

    /// <summary>Every requested key is on the policy's hierarchy and no level is skipped.</summary>
    private bool IsValidRequest(IReadOnlyDictionary<string, string> request)
    {
        var found = 0;
        var skipped = false;
        foreach (var def in _hierarchy!)
        {
            if (request.ContainsKey(def.Name))
            {
                if (skipped)
                {
                    return false;
                }
                found++;
            }
            else
            {
                skipped = true;
            }
        }
        return found == request.Count;
    }
}
