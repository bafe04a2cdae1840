using Iomete.DataSecurity.Model;

namespace Iomete.DataSecurity.Engine;

/// <summary>Matches one requested value against a policy resource's values (wildcards, case, excludes, macros, paths).</summary>
internal sealed class ValueMatcher
{
    private readonly string[] _values;
    private readonly bool _excludes;
    private readonly bool _ignoreCase;
    private readonly bool _wildCard;
    private readonly bool _path;
    private readonly bool _recursive;
    private readonly bool _dynamic;
    private readonly bool _anyValue;
    private readonly HashSet<string> _literals;
    private readonly string[] _patterns;

    public ValueMatcher(ResourceDef def, RangerPolicyResource resource)
    {
        _ignoreCase = def.IgnoreCase;
        _wildCard = def.WildCard;
        _path = def.IsPath;
        _recursive = resource.IsRecursive;
        _excludes = resource.IsExcludes;
        _values = resource.Values.Select(v => _path ? TrimPath(v) : v).ToArray();
        _anyValue = _values.Length == 0 || (_wildCard && _values.Contains("*"));
        _dynamic = _values.Any(MacroContext.HasMacro);
        var comparer = _ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        _literals = new HashSet<string>(_values.Where(v => !IsPattern(v)), comparer);
        _patterns = _values.Where(IsPattern).ToArray();
    }

    /// <summary>Matches every value (and absent values): <c>*</c> or no values, not excluded.</summary>
    public bool MatchAny => _anyValue && !_excludes;

    public bool IgnoreCase => _ignoreCase;

    /// <summary>Values usable as exact index keys: plain literals, no excludes, no macros.</summary>
    public IReadOnlyList<string>? ExactKeys =>
        _excludes || _dynamic || _anyValue || _patterns.Length > 0 || _path ? null : _literals.ToArray();

    /// <summary>Literal prefixes of wildcard values when every value has one (index by prefix), else null.</summary>
    public IReadOnlyList<string>? PrefixKeys
    {
        get
        {
            if (_excludes || _dynamic || _anyValue || _path || _patterns.Length == 0)
            {
                return null;
            }
            var prefixes = _patterns.Select(Wildcard.LiteralPrefix).Concat(_literals).ToArray();
            return prefixes.All(p => p.Length > 0) ? prefixes : null;
        }
    }

    public bool IsMatch(string? value, in MacroContext macros)
    {
        var matched = _anyValue || (value is not null && MatchValue(_path ? TrimPath(value) : value, macros));
        return _excludes ? !matched : matched;
    }

    private bool MatchValue(string value, in MacroContext macros)
    {
        if (!_dynamic)
        {
            if (_literals.Contains(value))
            {
                return true;
            }
            foreach (var pattern in _patterns)
            {
                if (MatchOne(pattern, value))
                {
                    return true;
                }
            }
            return _recursive && _literals.Any(l => MatchOne(l, value));
        }
        foreach (var raw in _values)
        {
            var expanded = MacroContext.HasMacro(raw) ? macros.ExpandResource(raw) : raw;
            if (expanded is not null && MatchOne(expanded, value))
            {
                return true;
            }
        }
        return false;
    }

    private bool MatchOne(string pattern, string value)
    {
        var comparison = _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var matched = _wildCard ? Wildcard.IsMatch(pattern, value, _ignoreCase) : string.Equals(pattern, value, comparison);
        if (!matched && _recursive)
        {
            var under = pattern + "/";
            matched = _wildCard ? Wildcard.IsMatch(under + "*", value, _ignoreCase) : value.StartsWith(under, comparison);
        }
        return matched;
    }

    private bool IsPattern(string value) => _wildCard && Wildcard.HasWildcard(value);

    private static string TrimPath(string value) => value.Length > 1 ? value.TrimEnd('/') : value;
}
