namespace Iomete.Functions.App.Tests.Images;

/// <summary>
/// The subset of <c>.dockerignore</c> patterns the repository uses: <c>dir/</c> at the root, <c>**/dir/</c> at any
/// depth, and plain names. Enough to tell whether a COPY source is left out of the build context.
/// </summary>
internal sealed class DockerIgnore(IReadOnlyList<string> patterns)
{
    public static DockerIgnore Load(string path) =>
        new(File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList());

    public bool Excludes(string source)
    {
        var segments = source.TrimEnd('/').Split('/');
        foreach (var pattern in patterns)
        {
            var name = pattern.TrimEnd('/');
            if (name.StartsWith("**/", StringComparison.Ordinal) ? segments.Contains(name[3..]) : segments[0] == name)
            {
                return true;
            }
        }
        return false;
    }
}
