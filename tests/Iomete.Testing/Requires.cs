namespace Iomete.Testing;

/// <summary>
/// Prerequisites of integration tests. Locally a missing tool skips with a message; in CI
/// (<c>CI=true</c>) it fails, so a green run never hides a missing install step.
/// </summary>
public static class Requires
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The repository root (the folder with Iomete.Functions.sln).</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Iomete.Functions.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Iomete.Functions.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The shared folder beside the checkout (specs, references).</summary>
    /// <remarks>A git worktree sits deeper than the main checkout, so the nearest ancestor's <c>shared</c> folder counts.</remarks>
    public static string SharedFolder()
    {
        var dir = new DirectoryInfo(RepositoryRoot()).Parent;
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "shared")))
        {
            dir = dir.Parent;
        }
        return dir is null
            ? Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared"))
            : Path.Combine(dir.FullName, "shared");
    }
}
