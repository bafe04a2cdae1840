namespace Iomete.DataSecurity.Tests;

/// <summary>Finds <c>shared/specs</c> by walking up from the test binaries (the checkout's sibling folder, here and in CI).</summary>
internal static class SharedSpecs
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "specs");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
            dir = dir.Parent;
        }
        throw new DirectoryNotFoundException("no shared/specs above " + AppContext.BaseDirectory);
    }
}
