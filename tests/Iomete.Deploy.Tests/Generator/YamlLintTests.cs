using System.Diagnostics;

namespace Iomete.Deploy.Tests.Generator;

/// <summary>yamllint (Debian package) passes on components/ and on every chart template (hand-written and generated) rendered with default values.</summary>
public sealed class YamlLintTests
{
    private const string YamlLint = "/usr/bin/yamllint";

    [Fact]
    public async Task Yamllint_passes_on_components_and_rendered_chart_templates()
    {
        if (!File.Exists(YamlLint) && !Requires.InCi)
        {
            System.Console.WriteLine($"Skipping yamllint: {YamlLint} is missing (apt-get install yamllint); CI fails instead.");
            return;
        }
        var rendered = Directory.CreateTempSubdirectory("iomete-yamllint-");
        try
        {
            foreach (var template in GeneratedOutput.RenderedChart("defaults"))
                await File.WriteAllTextAsync(Path.Combine(rendered.FullName, template.Path.Replace('/', '_')), template.Text);
            var start = new ProcessStartInfo(YamlLint)
            {
                ArgumentList = { "-f", "parsable", "-c", Path.Combine(GeneratedOutput.Root, "deploy", ".yamllint"),
                                 Path.Combine(GeneratedOutput.Root, ManifestGenerator.ComponentsFolder), rendered.FullName },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"yamllint found problems (rendered templates in {rendered.Name}):\n{output}{errors}");
        }
        finally
        {
            rendered.Delete(recursive: true);
        }
    }
}
