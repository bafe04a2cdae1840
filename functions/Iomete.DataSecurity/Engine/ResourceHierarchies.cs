namespace Iomete.DataSecurity.Engine;

/// <summary>The root-to-leaf resource paths of a service definition (e.g. database → table → column, database → udf).</summary>
internal sealed class ResourceHierarchies
{
    private readonly List<ResourceDef[]> _paths = [];

    public ResourceHierarchies(IReadOnlyList<ResourceDef> resources)
    {
        var byParent = resources.ToLookup(r => string.IsNullOrEmpty(r.Parent) ? "" : r.Parent);
        foreach (var root in byParent[""].OrderBy(r => r.Level))
        {
            Walk(root, [], byParent);
        }
    }

    public IReadOnlyList<ResourceDef[]> Paths => _paths;

    /// <summary>The shortest path that holds every key (Ranger picks the shortest), or null.</summary>
    public ResourceDef[]? Shortest(IEnumerable<string> keys)
    {
        var wanted = keys.ToArray();
        ResourceDef[]? best = null;
        foreach (var path in _paths)
        {
            if (wanted.All(k => path.Any(d => d.Name == k)) && (best is null || path.Length < best.Length))
            {
                best = path;
            }
        }
        return best;
    }

    /// <summary>The resource definitions for mask or row-filter policies: the listed names, with their matcher options.</summary>
    public static IReadOnlyList<ResourceDef> Restrict(IReadOnlyList<ResourceDef> all, IReadOnlyList<ResourceDef>? subset)
    {
        if (subset is null || subset.Count == 0)
        {
            return all;
        }
        var result = new List<ResourceDef>();
        foreach (var def in all)
        {
            var over = subset.FirstOrDefault(s => s.Name == def.Name);
            if (over is not null)
            {
                result.Add(def with { MatcherOptions = over.MatcherOptions ?? def.MatcherOptions });
            }
        }
        return result;
    }

    private void Walk(ResourceDef node, List<ResourceDef> prefix, ILookup<string, ResourceDef> byParent)
    {
        var path = new List<ResourceDef>(prefix) { node };
        var children = byParent[node.Name].ToArray();
        if (children.Length == 0)
        {
            _paths.Add([.. path]);
            return;
        }
        foreach (var child in children)
        {
            Walk(child, path, byParent);
        }
    }
}
