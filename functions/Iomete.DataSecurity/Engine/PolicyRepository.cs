using Iomete.DataSecurity.Model;

namespace Iomete.DataSecurity.Engine;

/// <summary>
/// The policies of one kind (access, mask or row filter) for one service definition, in evaluation order, indexed by the
/// top resource's value: exact values in a hash map, wildcard values by their literal prefix, the rest scanned always.
/// </summary>
internal sealed class PolicyRepository
{
    private readonly CompiledPolicy[] _ordered;
    private readonly string? _indexKey;
    private readonly Dictionary<string, int[]> _exact;
    private readonly Dictionary<string, int[]> _prefix;
    private readonly int[] _prefixLengths;
    private readonly int[] _always;
    private readonly int[] _all;

    public PolicyRepository(
        IEnumerable<RangerPolicy> policies,
        ServiceDefinition serviceDef,
        IReadOnlyList<ResourceDef> resources,
        AccessTypes accessTypes,
        bool isTag,
        Comparison<CompiledPolicy> order,
        bool indexed = true)
    {
        var hierarchies = new ResourceHierarchies(resources);
        var compiled = policies.Where(p => p.IsEnabled)
            .Select(p => new CompiledPolicy(p, serviceDef, hierarchies, accessTypes, isTag)).ToList();
        compiled.Sort(order);
        _ordered = [.. compiled];
        for (var i = 0; i < _ordered.Length; i++)
        {
            _ordered[i].Rank = i;
        }
        AccessTypes = accessTypes;
        ServiceDef = serviceDef;
        _indexKey = indexed && hierarchies.Paths.Count > 0 ? hierarchies.Paths[0][0].Name : null;
        var exact = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var prefix = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var always = new List<int>();
        foreach (var policy in _ordered)
        {
            var root = policy.Matchers.Length == 1 ? policy.Matchers[0].Root : null;
            if (root is null || root.Value.Name != _indexKey)
            {
                always.Add(policy.Rank);
            }
            else if (root.Value.Matcher.ExactKeys is { } keys)
            {
                foreach (var key in keys)
                {
                    Add(exact, key, policy.Rank);
                }
            }
            else if (root.Value.Matcher.PrefixKeys is { } prefixes)
            {
                foreach (var key in prefixes)
                {
                    Add(prefix, key, policy.Rank);
                }
            }
            else
            {
                always.Add(policy.Rank);
            }
        }
        _exact = exact.ToDictionary(e => e.Key, e => e.Value.Distinct().ToArray(), StringComparer.OrdinalIgnoreCase);
        _prefix = prefix.ToDictionary(e => e.Key, e => e.Value.Distinct().ToArray(), StringComparer.OrdinalIgnoreCase);
        _prefixLengths = _prefix.Keys.Select(k => k.Length).Distinct().Order().ToArray();
        _always = [.. always];
        _all = Enumerable.Range(0, _ordered.Length).ToArray();
    }

    public ServiceDefinition ServiceDef { get; }

    public AccessTypes AccessTypes { get; }

    public int Count => _ordered.Length;

    public IReadOnlyList<CompiledPolicy> All => _ordered;

    public CompiledPolicy this[int rank] => _ordered[rank];

    /// <summary>Ranks of the policies that may match <paramref name="resource"/>, ascending (= evaluation order).</summary>
    public IReadOnlyList<int> Candidates(IReadOnlyDictionary<string, string> resource)
    {
        if (_indexKey is null || !resource.TryGetValue(_indexKey, out var value))
        {
            return _all;
        }
        var found = new List<int>(_always.Length + 8);
        found.AddRange(_always);
        if (_exact.TryGetValue(value, out var exact))
        {
            found.AddRange(exact);
        }
        if (_prefixLengths.Length > 0)
        {
            var lookup = _prefix.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var length in _prefixLengths)
            {
                if (length > value.Length)
                {
                    break;
                }
                if (lookup.TryGetValue(value.AsSpan(0, length), out var byPrefix))
                {
                    found.AddRange(byPrefix);
                }
            }
        }
        if (found.Count == _always.Length)
        {
            return _always;
        }
        found.Sort();
        return Dedupe(found);
    }

    private static List<int> Dedupe(List<int> sorted)
    {
        var w = 0;
        for (var r = 0; r < sorted.Count; r++)
        {
            if (w == 0 || sorted[w - 1] != sorted[r])
            {
                sorted[w++] = sorted[r];
            }
        }
        sorted.RemoveRange(w, sorted.Count - w);
        return sorted;
    }

    private static void Add(Dictionary<string, List<int>> map, string key, int rank)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(rank);
    }
}
