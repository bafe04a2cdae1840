using System.Text.Json;
using Iomete.Testing;

namespace Iomete.Functions.App.Tests.Host;

/// <summary>The production host.json: nothing that needs Azure Storage or a download, routes as the functions declare them.</summary>
public sealed class HostJsonTests
{
    private static readonly string RootHostJson = Path.Combine(Requires.RepositoryRoot(), "host.json");

    private static JsonElement Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RootHostJson));
        return document.RootElement.Clone();
    }

    [Fact]
    public void HostJson_IsVersion2_WithoutBundlesOrStorageDependentExtensions()
    {
        var host = Load();

        Assert.Equal("2.0", host.GetProperty("version").GetString());
        Assert.False(host.TryGetProperty("extensionBundle", out _), "the isolated worker compiles its extensions; a bundle would be downloaded");
        var extensions = host.GetProperty("extensions");
        foreach (var needsStorage in new[] { "durableTask", "queues", "blobs", "eventHubs", "serviceBus" })
        {
            Assert.False(extensions.TryGetProperty(needsStorage, out _), $"{needsStorage} needs a trigger or storage this host does not have");
        }
    }

    [Fact]
    public void HostJson_KeepsTheRoutesAsDeclared_WithAnEmptyPrefix()
    {
        Assert.Equal("", Load().GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.All(FunctionsMetadata.Read(), f => Assert.False(f.Route.StartsWith('/'), $"{f.Name}: {f.Route}"));
    }

    [Fact]
    public void HostJson_SetsTheTimeoutHealthMonitorAndConsoleOnlyLogging()
    {
        var host = Load();

        var timeout = host.GetProperty("functionTimeout").GetString()!;
        Assert.True(timeout == "-1" || TimeSpan.TryParse(timeout, System.Globalization.CultureInfo.InvariantCulture, out _), timeout);
        Assert.True(host.GetProperty("healthMonitor").GetProperty("enabled").GetBoolean());
        Assert.Equal("never", host.GetProperty("logging").GetProperty("fileLoggingMode").GetString());
        Assert.Equal("Information", host.GetProperty("logging").GetProperty("logLevel").GetProperty("default").GetString());
    }

    [Fact]
    public void TheBuiltApp_ShipsTheRootHostJson()
    {
        var built = Path.Combine(Path.GetDirectoryName(FunctionsMetadata.FilePath())!, "host.json");

        Assert.Equal(File.ReadAllText(RootHostJson), File.ReadAllText(built));
    }
}
