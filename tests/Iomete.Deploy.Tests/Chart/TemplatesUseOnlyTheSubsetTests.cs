using Iomete.Deploy.Tests.Chart.Rendering;

namespace Iomete.Deploy.Tests.Chart;

/// <summary>
/// Every template under charts/iomete/templates (hand-written and generated/) keeps to the Go-template subset the
/// renderer implements, so what the tests render is what Helm renders.
/// </summary>
public sealed class TemplatesUseOnlyTheSubsetTests
{
    [Fact]
    public void EveryTemplate_ParsesWithinTheSubset()
    {
        var folder = Path.Combine(ChartRenderer.DefaultChartFolder, "templates");
        var failures = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories))
        {
            try
            {
                TemplateParser.Parse(Path.GetRelativePath(folder, file), File.ReadAllText(file), allowDefines: Path.GetFileName(file) == "_helpers.tpl");
            }
            catch (TemplateSyntaxException e)
            {
                failures.Add(e.Message);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Count() >= 8, "the chart's templates were not found");
    }

    [Fact]
    public void Load_OfAChartWithATemplateOutsideTheSubset_Fails()
    {
        var chart = Directory.CreateTempSubdirectory("iomete-chart-");
        try
        {
            CopyFolder(ChartRenderer.DefaultChartFolder, chart.FullName);
            File.WriteAllText(Path.Combine(chart.FullName, "templates", "generated", "extra.yaml"),
                "kind: ConfigMap\nmetadata:\n  name: {{ .Release.Name | upper }}\n");

            var error = Assert.Throws<TemplateSyntaxException>(() => ChartRenderer.Load(chart.FullName));

            Assert.Equal("templates/generated/extra.yaml", error.File);
            Assert.Contains("| upper", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            chart.Delete(recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Directory.CreateDirectory(Path.Combine(to, "templates", "generated"));
    }
}
