namespace Iomete.Console.Pages.Jobs;

/// <summary>An edge of a pipeline graph: <see cref="To"/> depends on <see cref="From"/>.</summary>
public sealed record DagEdge(string From, string To, string? Condition = null);

/// <summary>A placed node: its layer (column), its row in the layer, and its box in SVG units.</summary>
public sealed record DagNodePlacement(string Key, int Layer, int Row, double X, double Y);

/// <summary>A placed edge: from the right side of one box to the left side of the other.</summary>
public sealed record DagEdgePlacement(string From, string To, string? Condition, double X1, double Y1, double X2, double Y2);

/// <summary>
/// A layered drawing of a DAG: each node's layer is the length of the longest dependency path leading to it (so every
/// edge points right), rows within a layer follow the mean row of the node's parents to keep edges short.
/// </summary>
public sealed record DagLayout(IReadOnlyList<DagNodePlacement> Nodes, IReadOnlyList<DagEdgePlacement> Edges, double Width, double Height)
{
    public const double NodeWidth = 180;
    public const double NodeHeight = 56;
    public const double ColumnGap = 70;
    public const double RowGap = 24;
    public const double Margin = 12;

    /// <summary>Longest-path layers; nodes on a cycle (which the API refuses) go after everything else.</summary>
    public static IReadOnlyDictionary<string, int> Layers(IReadOnlyList<string> keys, IReadOnlyList<DagEdge> edges)
    {
        var parents = keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var e in edges.Where(e => parents.ContainsKey(e.From) && parents.ContainsKey(e.To)))
        {
            parents[e.To].Add(e.From);
        }
        var layers = new Dictionary<string, int>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        int Layer(string key)
        {
            if (layers.TryGetValue(key, out var known))
            {
                return known;
            }
            if (!visiting.Add(key))
            {
                return keys.Count;
            }
            var layer = parents[key].Count == 0 ? 0 : parents[key].Max(Layer) + 1;
            visiting.Remove(key);
            return layers[key] = Math.Min(layer, keys.Count);
        }
        foreach (var key in keys)
        {
            Layer(key);
        }
        return layers;
    }

    public static DagLayout Of(IReadOnlyList<string> keys, IReadOnlyList<DagEdge> edges)
    {
        var layers = Layers(keys, edges);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        var placed = new List<DagNodePlacement>();
        foreach (var group in keys.GroupBy(k => layers[k]).OrderBy(g => g.Key))
        {
            var ordered = group
                .Select((k, i) => (Key: k, Index: i, Weight: edges.Where(e => e.To == k && rows.ContainsKey(e.From)).Select(e => (double)rows[e.From]).DefaultIfEmpty(i).Average()))
                .OrderBy(x => x.Weight).ThenBy(x => x.Index).ToList();
            for (var row = 0; row < ordered.Count; row++)
            {
                rows[ordered[row].Key] = row;
                placed.Add(new DagNodePlacement(ordered[row].Key, group.Key, row,
                    Margin + group.Key * (NodeWidth + ColumnGap), Margin + row * (NodeHeight + RowGap)));
            }
        }
        var at = placed.ToDictionary(p => p.Key, StringComparer.Ordinal);
        var lines = edges.Where(e => at.ContainsKey(e.From) && at.ContainsKey(e.To)).Select(e =>
        {
            var (a, b) = (at[e.From], at[e.To]);
            return new DagEdgePlacement(e.From, e.To, e.Condition, a.X + NodeWidth, a.Y + NodeHeight / 2, b.X, b.Y + NodeHeight / 2);
        }).ToList();
        var width = placed.Count == 0 ? 0 : placed.Max(p => p.X) + NodeWidth + Margin;
        var height = placed.Count == 0 ? 0 : placed.Max(p => p.Y) + NodeHeight + Margin;
        return new DagLayout(placed, lines, width, height);
    }
}
