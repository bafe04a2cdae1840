namespace Iomete.Deploy;

/// <summary>Writes generated files under a root, removing generated templates that are no longer produced.</summary>
internal static class GeneratedFiles
{
    public static IReadOnlyList<string> Write(string root, IReadOnlyDictionary<string, string> files)
    {
        var generated = Path.Combine(root, ManifestGenerator.GeneratedFolder);
        if (Directory.Exists(generated))
        {
            foreach (var stale in Directory.GetFiles(generated, "*.yaml")
                .Where(f => !files.ContainsKey(Path.GetRelativePath(root, f).Replace('\\', '/'))))
            {
                File.Delete(stale);
            }
        }
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }
        return files.Keys.ToList();
    }
}
