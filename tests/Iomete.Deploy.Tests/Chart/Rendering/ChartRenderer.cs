using System.Text.RegularExpressions;

namespace Iomete.Deploy.Tests.Chart.Rendering;

/// <summary>One rendered template file and the YAML documents in it (empty ones dropped, as Helm does).</summary>
public sealed partial record RenderedFile(string Path, string Text)
{
    public IReadOnlyList<string> Documents => DocumentSeparator().Split(Text).Where(d => d.Split('\n').Any(IsContent)).ToList();

    private static bool IsContent(string line) => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#');

    [GeneratedRegex(@"^---[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex DocumentSeparator();
}

/// <summary>
/// Renders the chart in <c>charts/iomete</c> like <c>helm template</c> for the Go-template subset the chart keeps to
/// (see <see cref="TemplateParser"/>): reads Chart.yaml, values.yaml and <c>templates/_helpers.tpl</c>, and renders every
/// <c>templates/**/*.yaml</c>. Parsing all templates up front means a construct outside the subset fails at load.
/// </summary>
public sealed class ChartRenderer
{
    private readonly string _chartFolder;
    private readonly Dictionary<string, object?> _chart;
    private readonly IReadOnlyList<ParsedTemplate> _templates;
    private readonly TemplateEvaluator _evaluator;

    private ChartRenderer(string chartFolder, Dictionary<string, object?> chart, Dictionary<string, object?> values,
        IReadOnlyList<ParsedTemplate> templates, TemplateEvaluator evaluator)
    {
        _chartFolder = chartFolder;
        _chart = chart;
        DefaultValues = values;
        _templates = templates;
        _evaluator = evaluator;
    }

    public static string DefaultChartFolder => Path.Combine(Requires.RepositoryRoot(), "charts", "iomete");

    internal Dictionary<string, object?> DefaultValues { get; }

    public IEnumerable<string> TemplateFiles => _templates.Select(t => t.File);

    public static ChartRenderer Load(string? chartFolder = null)
    {
        var folder = chartFolder ?? DefaultChartFolder;
        var meta = ChartValues.Load(File.ReadAllText(Path.Combine(folder, "Chart.yaml")));
        var chart = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Version"] = meta.GetValueOrDefault("version") as string ?? throw new InvalidDataException("Chart.yaml has no version"),
            ["AppVersion"] = meta.GetValueOrDefault("appVersion") as string ?? throw new InvalidDataException("Chart.yaml has no quoted appVersion"),
        };
        var templatesFolder = Path.Combine(folder, "templates");
        var helpersFile = Path.Combine(templatesFolder, "_helpers.tpl");
        var helpers = TemplateParser.Parse("_helpers.tpl", File.ReadAllText(helpersFile), allowDefines: true).Defines;
        var templates = Directory.EnumerateFiles(templatesFolder, "*.*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('_'))
            .Order(StringComparer.Ordinal)
            .Select(f =>
            {
                var relative = Path.GetRelativePath(folder, f).Replace('\\', '/');
                if (!f.EndsWith(".yaml", StringComparison.Ordinal))
                    throw new TemplateSyntaxException(relative, 0, "templates are .yaml files (helpers start with '_')");
                return TemplateParser.Parse(relative, File.ReadAllText(f));
            })
            .ToList();
        var values = ChartValues.Load(File.ReadAllText(Path.Combine(folder, "values.yaml")));
        return new ChartRenderer(folder, chart, values, templates, new TemplateEvaluator(helpers));
    }

    /// <summary>Renders every template with values.yaml plus <paramref name="overrides"/> (dotted keys, like <c>--set</c>).</summary>
    public IReadOnlyList<RenderedFile> Render(string releaseName, string releaseNamespace, IReadOnlyDictionary<string, object?>? overrides = null)
    {
        var root = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Values"] = ChartValues.With(DefaultValues, overrides ?? new Dictionary<string, object?>()),
            ["Release"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["Name"] = releaseName, ["Namespace"] = releaseNamespace },
            ["Chart"] = _chart,
        };
        return _templates.Select(t => new RenderedFile(t.File, _evaluator.Render(t, root))).ToList();
    }

    public override string ToString() => _chartFolder;
}
