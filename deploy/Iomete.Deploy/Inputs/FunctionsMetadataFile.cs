using System.Text.Json;

namespace Iomete.Deploy.Inputs;

/// <summary>
/// Reads the <c>functions.metadata</c> the Functions SDK writes beside the app's assemblies, and the pub/sub and cron
/// attributes of each function from those assemblies.
/// </summary>
internal static class FunctionsMetadataFile
{
    public static IReadOnlyList<AppFunction> Read(string metadataPath)
    {
        if (!File.Exists(metadataPath))
        {
            throw new FileNotFoundException($"functions.metadata not found at {metadataPath}: build functions/Iomete.Functions.App first.", metadataPath);
        }
        using var document = JsonDocument.Parse(File.ReadAllText(metadataPath));
        var entries = document.RootElement.EnumerateArray().Select(ReadEntry).ToList();
        using var attributes = new FunctionAttributeReader(Path.GetDirectoryName(Path.GetFullPath(metadataPath))!);
        return entries
            .Select(e => e with
            {
                Subscriptions = attributes.Subscriptions(e.ScriptFile, e.EntryPoint),
                Cron = attributes.Cron(e.ScriptFile, e.EntryPoint),
            })
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static AppFunction ReadEntry(JsonElement function)
    {
        var name = function.GetProperty("name").GetString()!;
        var trigger = function.GetProperty("bindings").EnumerateArray()
            .SingleOrDefault(b => b.GetProperty("type").GetString() == "httpTrigger");
        if (trigger.ValueKind == JsonValueKind.Undefined)
        {
            throw new InvalidDataException($"Function '{name}' has no httpTrigger binding: only HTTP functions can be deployed.");
        }
        return new AppFunction(
            name,
            trigger.GetProperty("route").GetString()!,
            trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToList(),
            function.GetProperty("scriptFile").GetString()!,
            function.GetProperty("entryPoint").GetString()!,
            [],
            null);
    }
}
