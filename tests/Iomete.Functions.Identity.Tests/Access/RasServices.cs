using Iomete.Functions.Identity.Access;
using Iomete.Platform;
using Iomete.Platform.Data;
using Iomete.Platform.Security;
using Iomete.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Identity.Tests.Access;

/// <summary>
/// The domain and bundle stores and the access decisions over a fresh SQLite identity database,
/// without the HTTP host (for tests that call them directly).
/// </summary>
public sealed class RasServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public RasServices(IDictionary<string, string?>? settings = null)
    {
        DataDir = Path.Combine(Path.GetTempPath(), "iomete-ras-" + Guid.NewGuid().ToString("N")[..12]);
        var values = new Dictionary<string, string?> { ["Iomete:DataDir"] = DataDir };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddIometePlatform();
        services.AddServiceDatabase(IdentityRegistration.Service, typeof(IdentityRegistration).Assembly);
        services.AddDomainsAndBundles();
        _provider = services.BuildServiceProvider();
    }

    public string DataDir { get; }

    /// <summary>The same services over fresh databases of the shared PostgreSQL test server.</summary>
    public static async Task<RasServices> OnPostgresAsync()
    {
        var server = await PostgresServer.SharedAsync();
        return new RasServices(server.Settings(PostgresServer.NewDatabasePrefix()));
    }

    public static Task<RasServices> OnSqliteAsync() => Task.FromResult(new RasServices());

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public static Caller User(string id, params string[] groupIds) =>
        new(id, id, UserType.Person, false, new HashSet<AdminRole>(), new HashSet<string>(groupIds), null);

    public static Caller WithRoles(string id, params AdminRole[] roles) =>
        new(id, id, UserType.Person, false, new HashSet<AdminRole>(roles), new HashSet<string>(), null);

    public static Caller SuperAdmin(string id = "u-admin") =>
        new(id, id, UserType.Person, true, new HashSet<AdminRole>(), new HashSet<string>(), null);

    public static ActorView UserActor(string id) => new(id, ActorType.User, id);

    public static ActorView GroupActor(string id) => new(id, ActorType.Group, id);

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection may still hold the file; the OS cleans temp folders.
        }
    }
}
