using System.Text.Json;

namespace Iomete.Testing;

/// <summary>
/// The <c>functions.metadata</c> file the Azure Functions SDK writes when it builds the app:
/// the routes a Functions host would serve.
/// </summary>
public static class FunctionsMetadata
{
    public sealed record Entry(string Name, string Route, IReadOnlyList<string> Methods, string AuthLevel);

    public static string FilePath()
    {
        // Tests run from bin/<Configuration>/<tfm>/: the app was built with the same configuration.
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = baseDir.Parent!.Name;
        var tfm = baseDir.Name;
        return Path.Combine(Requires.RepositoryRoot(), "functions", "Iomete.Functions.App", "bin", configuration, tfm, "functions.metadata");
    }

    public static IReadOnlyList<Entry> Read()
    {
        var path = FilePath();
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("Build functions/Iomete.Functions.App first: functions.metadata is missing.", path);
        }
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var entries = new List<Entry>();
        foreach (var function in document.RootElement.EnumerateArray())
        {
            var trigger = function.GetProperty("bindings").EnumerateArray()
                .Single(b => b.GetProperty("type").GetString() == "httpTrigger");
            entries.Add(new Entry(
                function.GetProperty("name").GetString()!,
                trigger.GetProperty("route").GetString()!,
                trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).OrderBy(m => m, StringComparer.Ordinal).ToList(),
                trigger.GetProperty("authLevel").GetString()!));
        }
        return entries;
    }
}
