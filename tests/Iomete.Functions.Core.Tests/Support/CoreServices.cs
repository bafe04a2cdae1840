using Iomete.Platform;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Core.Tests.Support;

/// <summary>The Core service's stores on a temporary data directory (SQLite), without HTTP.</summary>
public sealed class CoreServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private readonly IDictionary<string, string?>? _settings;

    private CoreServices(ServiceProvider provider, string dataDir, IDictionary<string, string?>? settings)
    {
        _provider = provider;
        DataDir = dataDir;
        _settings = settings;
    }

    public string DataDir { get; }

    public static CoreServices Create(IDictionary<string, string?>? settings = null, string? dataDir = null)
    {
        dataDir ??= Path.Combine(Path.GetTempPath(), "iomete-core-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDir);
        var values = new Dictionary<string, string?> { ["Iomete:DataDir"] = dataDir };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddIometePlatform()
            .AddCoreService();
        return new CoreServices(services.BuildServiceProvider(), dataDir, settings);
    }

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>A second, independent set of services on the same data directory (another process or replica).</summary>
    public CoreServices Sibling()
    {
        var sibling = Create(_settings, DataDir);
        sibling._deleteOnDispose = false;
        return sibling;
    }

    private bool _deleteOnDispose = true;

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        if (!_deleteOnDispose)
        {
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pool: the OS cleans temp folders.
        }
    }
}
