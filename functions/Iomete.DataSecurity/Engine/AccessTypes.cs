namespace Iomete.DataSecurity.Engine;

/// <summary>
/// A service definition's access types with implied grants applied transitively. Names are normalized: a tag service's
/// prefix (<c>hive:select</c>, <c>iomete:select</c>) is dropped so that tag items compare with the requested type.
/// </summary>
internal sealed class AccessTypes
{
    private readonly Dictionary<string, HashSet<string>> _implied = new(StringComparer.OrdinalIgnoreCase);

    public AccessTypes(IEnumerable<AccessTypeDef> defs)
    {
        var list = defs.ToList();
        foreach (var def in list)
        {
            _implied[Normalize(def.Name)] = new HashSet<string>(def.ImpliedGrants.Select(Normalize), StringComparer.OrdinalIgnoreCase);
        }
        Names = [.. _implied.Keys];
        foreach (var name in Names)
        {
            _implied[name] = Closure(name);
        }
    }

    /// <summary>Every access type (normalized); "any access" asks about each of them.</summary>
    public IReadOnlyList<string> Names { get; }

    public static string Normalize(string name)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return (colon >= 0 ? name[(colon + 1)..] : name).ToLowerInvariant();
    }

    public HashSet<string> Expand(IEnumerable<string> granted)
    {
        var result = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in granted)
        {
            var name = Normalize(raw);
            result.Add(name);
            if (_implied.TryGetValue(name, out var implied))
            {
                result.UnionWith(implied);
            }
        }
        return result;
    }

    private HashSet<string> Closure(string name)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var stack = new Stack<string>(_implied[name]);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            if (seen.Add(next) && _implied.TryGetValue(next, out var more))
            {
                foreach (var m in more)
                {
                    stack.Push(m);
                }
            }
        }
        return seen;
    }
}
