using System.Text.Json.Nodes;

namespace Iomete.Deploy.Tests.Generator;

/// <summary>The committed output of the generator: chart templates (rendered on demand) and <c>components/</c>.</summary>
internal static class GeneratedOutput
{
    public static string Root => Requires.RepositoryRoot();

    public static string DescriptionPath => Path.Combine(Root, "deploy", "services.yaml");

    public static IReadOnlyList<string> TemplateFiles() =>
        Directory.GetFiles(Path.Combine(Root, ManifestGenerator.GeneratedFolder), "*.yaml").Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> ComponentFiles() =>
        Directory.GetFiles(Path.Combine(Root, ManifestGenerator.ComponentsFolder), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    public static string Rendered(string templateFile, JsonObject values) => TemplateDefaults.Render(File.ReadAllText(templateFile), values);

    /// <summary>Every object of every generated template rendered with these values, with the file it came from.</summary>
    public static IReadOnlyList<(string File, JsonNode Manifest)> RenderedObjects(JsonObject values) =>
        TemplateFiles().SelectMany(f => YamlJson.ParseAll(Rendered(f, values)).Select(m => (Path.GetFileName(f), m))).ToList();

    public static IReadOnlyList<(string File, JsonNode Manifest)> ComponentObjects() =>
        ComponentFiles().SelectMany(f => YamlJson.ParseAll(File.ReadAllText(f)).Select(m => (Path.GetRelativePath(Root, f), m))).ToList();
}
