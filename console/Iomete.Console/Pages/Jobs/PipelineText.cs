namespace Iomete.Console.Pages.Jobs;

/// <summary>One node typed in the pipeline editor: its key, the job (name or id) and what it waits for.</summary>
public sealed record PipelineNodeText(string Key, string Job, IReadOnlyList<(string Node, string Condition)> DependsOn);

/// <summary>
/// The pipeline editor's text: one node per line, <c>key: job &lt;- upstream, other</c>. An upstream suffixed with
/// <c>!</c> runs on failure, with <c>*</c> always; plain means on success.
/// </summary>
public static class PipelineText
{
    public static (IReadOnlyList<PipelineNodeText> Nodes, IReadOnlyList<string> Errors) Parse(string? text)
    {
        var nodes = new List<PipelineNodeText>();
        var errors = new List<string>();
        var lines = (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        foreach (var (line, i) in lines.Select((l, i) => (l, i + 1)))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                errors.Add($"line {i}: write 'key: job' (optionally '<- upstream, …')");
                continue;
            }
            var key = line[..colon].Trim();
            var rest = line[(colon + 1)..];
            var arrow = rest.IndexOf("<-", StringComparison.Ordinal);
            var job = (arrow < 0 ? rest : rest[..arrow]).Trim();
            var deps = arrow < 0 ? [] : rest[(arrow + 2)..].Split(',').Select(d => d.Trim()).Where(d => d.Length > 0).Select(Dependency).ToList();
            if (job.Length == 0)
            {
                errors.Add($"line {i}: node '{key}' names no job");
            }
            nodes.Add(new PipelineNodeText(key, job, deps));
        }
        var keys = nodes.Select(n => n.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var duplicate in nodes.GroupBy(n => n.Key).Where(g => g.Count() > 1))
        {
            errors.Add($"node '{duplicate.Key}' is defined twice");
        }
        foreach (var n in nodes)
        {
            errors.AddRange(n.DependsOn.Where(d => !keys.Contains(d.Node)).Select(d => $"node '{n.Key}' waits for '{d.Node}', which is not a node"));
        }
        return (nodes, errors);
    }

    public static IReadOnlyList<DagEdge> Edges(IEnumerable<PipelineNodeText> nodes) =>
        [.. nodes.SelectMany(n => n.DependsOn.Select(d => new DagEdge(d.Node, n.Key, d.Condition)))];

    private static (string, string) Dependency(string text) => text switch
    {
        _ when text.EndsWith('!') => (text[..^1].Trim(), "ON_FAILURE"),
        _ when text.EndsWith('*') => (text[..^1].Trim(), "ALWAYS"),
        _ => (text, "ON_SUCCESS"),
    };
}
