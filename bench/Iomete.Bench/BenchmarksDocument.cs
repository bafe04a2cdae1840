namespace Iomete.Bench;

/// <summary>Rewrites one marked section of docs/benchmarks.md, leaving the others as they are.</summary>
internal static class BenchmarksDocument
{
    public static void Replace(string path, string section, string content)
    {
        var begin = $"<!-- bench:{section}:begin -->";
        var end = $"<!-- bench:{section}:end -->";
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
        var block = $"{begin}\n{content.TrimEnd()}\n{end}";
        var from = text.IndexOf(begin, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        text = from >= 0 && to > from
            ? text[..from] + block + text[(to + end.Length)..]
            : text.TrimEnd() + "\n\n" + block + "\n";
        File.WriteAllText(path, text);
    }
}
