namespace Iomete.Testing;

/// <summary>Node and the npm packages of tests/node that tests run as independent clients (iceberg-js, icebird).</summary>
public static class NodeTools
{
    public static string NodeFolder => Path.Combine(Requires.RepositoryRoot(), "tests", "node");

    /// <summary>Why node or the tests/node packages cannot run here, or null when they can.</summary>
    public static string? MissingReason()
    {
        foreach (var name in (string[])["iceberg-js", "icebird"])
        {
            var package = Path.Combine(NodeFolder, "node_modules", name, "package.json");
            if (!File.Exists(package))
            {
                return $"{name} is not installed: run 'npm ci' in tests/node ({package} is missing).";
            }
        }
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, "node")));
        return onPath ? null : "node is not on PATH (apt-get install nodejs).";
    }

    /// <summary>Runs a script of tests/node with node; returns its output, throws with it on a non-zero exit.</summary>
    public static Task<string> RunScriptAsync(string script, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken ct = default) =>
        TestProcess.RunAsync("node", [Path.Combine(NodeFolder, script), .. arguments], timeout, ct);
}
