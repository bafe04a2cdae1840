using System.Text.RegularExpressions;
using Iomete.Testing;

namespace Iomete.Functions.App.Tests.Host;

/// <summary>
/// A Deployment enables its functions with <c>AzureFunctionsJobHost__functions__N</c>; the host keeps the functions
/// whose names equal an entry, case-insensitively, and ignores an entry that matches nothing. So the names must be
/// exact and unambiguous.
/// </summary>
public sealed partial class FunctionSubsetTests
{
    private static readonly Lazy<HashSet<string>> FunctionNames =
        new(() => FunctionsMetadata.Read().Select(f => f.Name).ToHashSet(StringComparer.Ordinal));

    [GeneratedRegex(@"^AzureFunctionsJobHost__functions__(?<index>\d+)=(?<name>\S+)$", RegexOptions.Multiline)]
    private static partial Regex FunctionSetting();

    [Fact]
    public void TheDocumentedSubset_NamesOnlyFunctionsOfTheApp_NumberedFromZero()
    {
        var doc = File.ReadAllText(Path.Combine(Requires.RepositoryRoot(), "docs", "deploy-images.md"));
        var settings = FunctionSetting().Matches(doc).Select(m => (Index: int.Parse(m.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture), Name: m.Groups["name"].Value)).ToList();

        Assert.NotEmpty(settings);
        // Configuration binds an array from indexes 0..N-1; a gap would end the list early.
        Assert.Equal(Enumerable.Range(0, settings.Count), settings.Select(s => s.Index));
        Assert.All(settings, s => Assert.True(FunctionNames.Value.Contains(s.Name), $"{s.Name} is not a function of functions.metadata"));
    }

    [Fact]
    public void NoTwoFunctionNames_DifferOnlyByCase()
    {
        var clashes = FunctionNames.Value.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(", ", g));

        Assert.Empty(clashes);
    }

    [Fact]
    public void EveryFunctionName_IsAValueAnEnvironmentVariableCarriesAsItIs()
    {
        Assert.All(FunctionNames.Value, name => Assert.Matches("^[a-z0-9][a-z0-9-]*$", name));
    }

    [Fact]
    public void TheGeneratedDeployments_NameOnlyFunctionsOfTheApp()
    {
        var generated = Path.Combine(Requires.RepositoryRoot(), "charts", "iomete", "templates", "generated", "deployments.yaml");
        if (!File.Exists(generated))
        {
            // The manifest generator's output arrives on another branch; until it is merged there is nothing to check.
            return;
        }
        var names = Regex.Matches(File.ReadAllText(generated), @"name:\s*AzureFunctionsJobHost__functions__\d+\s+value:\s*""?(?<name>[A-Za-z0-9-]+)""?")
            .Select(m => m.Groups["name"].Value).ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.True(FunctionNames.Value.Contains(name), $"{name} is not a function of functions.metadata"));
    }
}
