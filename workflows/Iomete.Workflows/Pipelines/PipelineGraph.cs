using System.Text.RegularExpressions;
using Iomete.Platform.Errors;

namespace Iomete.Workflows.Pipelines;

/// <summary>
/// The DAG of a pipeline's nodes: validation (keys, references, cycles, parameter references) and the orders and
/// relations the orchestration and the API need. Construct it with <see cref="Validate"/>, which throws a 400 on a bad graph.
/// </summary>
public sealed partial class PipelineGraph
{
    public const int MaxNodes = 200;

    private readonly Dictionary<string, PipelineNode> byKey;

    private PipelineGraph(IReadOnlyList<PipelineNode> nodes, IReadOnlyList<string> order)
    {
        Nodes = nodes;
        byKey = nodes.ToDictionary(n => n.Key, StringComparer.Ordinal);
        Order = order;
    }

    public IReadOnlyList<PipelineNode> Nodes { get; }

    /// <summary>Node keys in a topological order (dependencies first; ties in definition order).</summary>
    public IReadOnlyList<string> Order { get; }

    public PipelineNode this[string key] => byKey[key];

    public bool Contains(string key) => byKey.ContainsKey(key);

    /// <summary>Nodes that depend on <paramref name="key"/>, with the condition of that edge.</summary>
    public IEnumerable<(PipelineNode Node, DependencyCondition Condition)> Dependents(string key) =>
        Nodes.SelectMany(n => n.DependsOn.Where(d => d.Node == key).Select(d => (n, d.Condition)));

    /// <summary>Every node reachable downstream of <paramref name="key"/> (not including it).</summary>
    public ISet<string> Descendants(string key)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([key]);
        while (stack.TryPop(out var current))
        {
            foreach (var (node, _) in Dependents(current))
            {
                if (seen.Add(node.Key))
                {
                    stack.Push(node.Key);
                }
            }
        }
        return seen;
    }

    /// <summary>Every node upstream of <paramref name="key"/> (not including it).</summary>
    public ISet<string> Ancestors(string key)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([key]);
        while (stack.TryPop(out var current))
        {
            foreach (var dependency in byKey[current].DependsOn)
            {
                if (seen.Add(dependency.Node))
                {
                    stack.Push(dependency.Node);
                }
            }
        }
        return seen;
    }

    /// <summary>The graph of <paramref name="nodes"/>, or a 400 naming every problem (field <c>nodes</c>).</summary>
    public static PipelineGraph Validate(IReadOnlyList<PipelineNode>? nodes)
    {
        if (nodes is null || nodes.Count == 0)
        {
            throw ValidationException.ForField("nodes", "a pipeline needs at least one node");
        }
        if (nodes.Count > MaxNodes)
        {
            throw ValidationException.ForField("nodes", $"a pipeline has at most {MaxNodes} nodes");
        }
        var errors = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (!KeyPattern().IsMatch(node.Key ?? ""))
            {
                errors.Add($"node key '{node.Key}' must be 1-64 characters of a-z, 0-9, '_' and '-'");
            }
            else if (!keys.Add(node.Key!))
            {
                errors.Add($"node key '{node.Key}' is used more than once");
            }
            if (string.IsNullOrWhiteSpace(node.JobId))
            {
                errors.Add($"node '{node.Key}' needs a jobId");
            }
            if (node.MaxExecutionSeconds is <= 0)
            {
                errors.Add($"node '{node.Key}': maxExecutionSeconds must be positive");
            }
            if (node.Retry is { } retry && (retry.MaxAttempts is < 1 or > 20 || retry.DelaySeconds < 0 || retry.BackoffCoefficient < 1))
            {
                errors.Add($"node '{node.Key}': retry needs maxAttempts 1-20, delaySeconds >= 0 and backoffCoefficient >= 1");
            }
        }
        foreach (var node in nodes)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var dependency in node.DependsOn)
            {
                if (dependency.Node == node.Key)
                {
                    errors.Add($"node '{node.Key}' depends on itself");
                }
                else if (!keys.Contains(dependency.Node ?? ""))
                {
                    errors.Add($"node '{node.Key}' depends on unknown node '{dependency.Node}'");
                }
                else if (!seen.Add(dependency.Node!))
                {
                    errors.Add($"node '{node.Key}' lists '{dependency.Node}' more than once in dependsOn");
                }
            }
        }
        if (errors.Count > 0)
        {
            throw ValidationException.ForField("nodes", string.Join("; ", errors));
        }
        var order = TopologicalOrder(nodes, out var cycle);
        if (cycle is not null)
        {
            throw ValidationException.ForField("nodes", $"the dependencies form a cycle: {string.Join(" -> ", cycle)}");
        }
        var graph = new PipelineGraph(nodes, order);
        graph.CheckReferences();
        return graph;
    }

    /// <summary>A node may only read outputs of nodes upstream of it (they have ended when it starts).</summary>
    private void CheckReferences()
    {
        var errors = new List<string>();
        foreach (var node in Nodes)
        {
            var ancestors = Ancestors(node.Key);
            foreach (var reference in PipelineTemplates.References(node.Parameters).Where(r => r.Scope == PipelineTemplates.NodesScope))
            {
                if (!ancestors.Contains(reference.Name))
                {
                    errors.Add($"node '{node.Key}' reads '${{nodes.{reference.Name}...}}' but '{reference.Name}' is not upstream of it");
                }
            }
            errors.AddRange(PipelineTemplates.Malformed(node.Parameters).Select(m => $"node '{node.Key}': {m}"));
        }
        if (errors.Count > 0)
        {
            throw ValidationException.ForField("nodes", string.Join("; ", errors));
        }
    }

    /// <summary>Kahn's algorithm; when nodes remain, a cycle among them is walked and returned (first node repeated at the end).</summary>
    private static List<string> TopologicalOrder(IReadOnlyList<PipelineNode> nodes, out List<string>? cycle)
    {
        var remaining = nodes.ToDictionary(n => n.Key, n => n.DependsOn.Select(d => d.Node).Distinct().Count(), StringComparer.Ordinal);
        var order = new List<string>();
        while (true)
        {
            var ready = nodes.FirstOrDefault(n => remaining.TryGetValue(n.Key, out var count) && count == 0);
            if (ready is null)
            {
                break;
            }
            remaining.Remove(ready.Key);
            order.Add(ready.Key);
            foreach (var dependent in nodes.Where(n => n.DependsOn.Any(d => d.Node == ready.Key)))
            {
                remaining[dependent.Key]--;
            }
        }
        cycle = remaining.Count == 0 ? null : FindCycle(nodes, remaining.Keys.ToHashSet(StringComparer.Ordinal));
        return order;
    }

    private static List<string> FindCycle(IReadOnlyList<PipelineNode> nodes, HashSet<string> stuck)
    {
        // Every stuck node has a stuck dependency, so walking dependencies from any of them must revisit a node.
        var byKey = nodes.ToDictionary(n => n.Key, StringComparer.Ordinal);
        var path = new List<string>();
        var current = nodes.First(n => stuck.Contains(n.Key)).Key;
        while (!path.Contains(current))
        {
            path.Add(current);
            current = byKey[current].DependsOn.First(d => stuck.Contains(d.Node)).Node;
        }
        var loop = path.Skip(path.IndexOf(current)).Reverse().ToList();
        loop.Add(loop[0]);
        return loop;
    }

    [GeneratedRegex("^[a-z0-9_-]{1,64}$")]
    private static partial Regex KeyPattern();
}
