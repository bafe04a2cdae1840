using System.Net;
using System.Net.Http.Json;
using Iomete.Engine.Catalogs;
using Iomete.Iceberg.IO;
using Iomete.Platform.Messaging;
using Iomete.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Engine.Tests.Catalogs;

/// <summary>
/// One local platform per test class, the admin logged in, and the engine's catalog client built by the registered
/// factory from the admin's bearer token (the headers a SQL request would carry).
/// </summary>
public sealed class CatalogFixture : IAsyncLifetime
{
    public const string Catalog = "spark_catalog";
    private const string UserPassword = "User-Password-1";

    private LocalPlatform? _platform;
    private HttpClient? _admin;

    public LocalPlatform Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    public HttpClient Admin => _admin ?? throw new InvalidOperationException("The platform has not started.");

    public ILakehouseCatalogFactory Factory { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> AdminHeaders { get; private set; } = null!;

    public TableFileIO IO => Platform.Services.GetRequiredService<TableFileIO>();

    public IServiceInvoker Invoker => Platform.Services.GetRequiredService<IServiceInvoker>();

    public async Task InitializeAsync()
    {
        _platform = await LocalPlatform.StartAsync();
        var token = await _platform.AccessTokenAsync("admin", LocalPlatform.AdminPassword);
        _admin = await _platform.LoginAsync();
        AdminHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token };
        var services = new ServiceCollection()
            .AddSingleton(Invoker)
            .AddEmbeddedEngineCatalog()
            .BuildServiceProvider();
        Factory = services.GetRequiredService<ILakehouseCatalogFactory>();
    }

    /// <summary>A new client for the admin (its own, empty table cache).</summary>
    public ILakehouseCatalog AdminCatalog() => Factory.ForCaller(AdminHeaders);

    public static string Unique(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A new empty database in <see cref="Catalog"/>.</summary>
    public async Task<string> DatabaseAsync()
    {
        var name = Unique("db");
        await AdminCatalog().CreateDatabaseAsync(Catalog, name, new Dictionary<string, string>(), CancellationToken.None);
        return name;
    }

    /// <summary>Creates a user without admin roles and returns its credential headers (an <c>X-API-Token</c> would do the same).</summary>
    public async Task<IReadOnlyDictionary<string, string>> PlainUserHeadersAsync()
    {
        var username = "user-" + Guid.NewGuid().ToString("N")[..8];
        using var created = await Admin.PostAsJsonAsync("/api/v1/admin/identity/users",
            new { username, email = username + "@example.com", firstName = "Test", lastName = "User", password = UserPassword });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = await Platform.AccessTokenAsync(username, UserPassword);
        return new Dictionary<string, string> { ["Authorization"] = "Bearer " + token };
    }

    public async Task DisposeAsync()
    {
        _admin?.Dispose();
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }
}
