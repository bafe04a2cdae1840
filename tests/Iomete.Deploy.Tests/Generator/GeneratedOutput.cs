using System.Text.Json.Nodes;
using Iomete.Deploy.Tests.Chart;
using Iomete.Deploy.Tests.Chart.Rendering;
using Iomete.Deploy.Tests.Chart.Validation;

namespace Iomete.Deploy.Tests.Generator;

/// <summary>
/// The committed output of the generator: chart templates (rendered by the chart's <see cref="ChartRenderer"/> with a
/// <see cref="ChartMatrix"/> case, release <see cref="ChartMatrix.Release"/>) and <c>components/</c>.
/// </summary>
internal static class GeneratedOutput
{
    private const string GeneratedTemplates = "templates/generated/";

    private static readonly Lazy<ChartRenderer> Renderer = new(() => ChartRenderer.Load());

    public static string Root => Requires.RepositoryRoot();

    public static string DescriptionPath => Path.Combine(Root, "deploy", "services.yaml");

    public static IReadOnlyList<string> TemplateFiles() =>
        Directory.GetFiles(Path.Combine(Root, ManifestGenerator.GeneratedFolder), "*.yaml").Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> ComponentFiles() =>
        Directory.GetFiles(Path.Combine(Root, ManifestGenerator.ComponentsFolder), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    /// <summary>Every template of the chart, rendered with the values of one <see cref="ChartMatrix"/> case.</summary>
    public static IReadOnlyList<RenderedFile> RenderedChart(string matrixCase) =>
        Renderer.Value.Render(ChartMatrix.Release, ChartMatrix.Namespace, ChartMatrix.Overrides(matrixCase));

    /// <summary>The generated templates only, rendered with the values of one <see cref="ChartMatrix"/> case.</summary>
    public static IReadOnlyList<RenderedFile> Rendered(string matrixCase) =>
        RenderedChart(matrixCase).Where(f => f.Path.StartsWith(GeneratedTemplates, StringComparison.Ordinal)).ToList();

    /// <summary>Every object of every generated template rendered with these values, with the file it came from.</summary>
    public static IReadOnlyList<(string File, JsonNode Manifest)> RenderedObjects(string matrixCase) =>
        RenderedObject.From(Rendered(matrixCase)).Select(o => (Path.GetFileName(o.File), (JsonNode)o.Json)).ToList();

    public static IReadOnlyList<(string File, JsonNode Manifest)> ComponentObjects() =>
        ComponentFiles().SelectMany(f => YamlJson.ParseAll(File.ReadAllText(f)).Select(m => (Path.GetRelativePath(Root, f), m))).ToList();
}
