using System.Diagnostics;
using Iomete.Deploy.Tests.Chart.Rendering;

namespace Iomete.Deploy.Tests.Chart;

public sealed class ChartYamllintTests
{
    private const string Yamllint = "/usr/bin/yamllint";

    // yamllint's default rules, with lines up to 120 characters (as the repository's C# and Markdown).
    private const string Config = "{extends: default, rules: {line-length: {max: 120}}}";

    [Theory]
    [InlineData("values.yaml")]
    [InlineData("Chart.yaml")]
    public async Task ChartFile_PassesYamllint(string file)
    {
        Assert.True(File.Exists(Yamllint), "yamllint is missing: apt-get install yamllint");
        var start = new ProcessStartInfo(Yamllint) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--strict", "-f", "parsable", "-d", Config, Path.Combine(ChartRenderer.DefaultChartFolder, file) })
            start.ArgumentList.Add(argument);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, output);
    }
}
