using System.Net;
using System.Net.Http.Headers;
using Iomete.Testing;

namespace Iomete.Functions.IcebergRest.Tests.Support;

/// <summary>One local platform shared by the tests of a class (SQLite metadata), with the admin logged in.</summary>
public class IcebergFixture : IAsyncLifetime
{
    public const string UserPassword = "User-Password-1";
    public const string Catalog = "spark_catalog";

    private LocalPlatform? _platform;
    private HttpClient? _admin;

    public LocalPlatform Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    public HttpClient Admin => _admin ?? throw new InvalidOperationException("The platform has not started.");

    /// <summary>The namespaces root of the default catalog (prefix = catalog name).</summary>
    public static string NsRoot(string catalog = Catalog) => $"/catalogs/{catalog}/v1/{catalog}/namespaces";

    /// <summary>A namespace path segment: levels escaped and joined by %1F.</summary>
    public static string Ns(params string[] levels) => string.Join("%1F", levels.Select(Uri.EscapeDataString));

    public static string Unique(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync()
    {
        var settings = await SettingsAsync();
        if (settings is null)
        {
            return;
        }
        _platform = await LocalPlatform.StartAsync(settings);
        _admin = await _platform.LoginAsync();
    }

    /// <summary>Settings of the metadata database, or null when it cannot run here (its tests are skipped).</summary>
    protected virtual Task<Dictionary<string, string?>?> SettingsAsync() => Task.FromResult<Dictionary<string, string?>?>([]);

    /// <summary>Creates a user with the given admin roles (SNAKE_UPPER names) and returns a client logged in as it.</summary>
    public async Task<HttpClient> UserAsync(string prefix, params string[] roles)
    {
        var username = prefix + "-" + Guid.NewGuid().ToString("N")[..8];
        var (status, user) = await Admin.SendJsonAsync(HttpMethod.Post, "/api/v1/admin/identity/users",
            new { username, email = username + "@example.com", firstName = "Test", lastName = "User", password = UserPassword });
        Assert.Equal(HttpStatusCode.Created, status);
        if (roles.Length > 0)
        {
            var (roleStatus, _) = await Admin.SendJsonAsync(HttpMethod.Put, $"/api/v1/admin/identity/users/{user!.RootElement.GetProperty("id").GetString()}/roles", new { roles });
            Assert.Equal(HttpStatusCode.OK, roleStatus);
        }
        return await Platform.LoginAsync(username, UserPassword);
    }

    /// <summary>A personal access token of the admin (the secret, shown once).</summary>
    public async Task<string> AdminAccessTokenAsync()
    {
        var (status, token) = await Admin.SendJsonAsync(HttpMethod.Post, "/api/v1/auth/tokens", new { name = Unique("iceberg") });
        Assert.Equal(HttpStatusCode.Created, status);
        return token!.RootElement.GetProperty("token").GetString()!;
    }

    public HttpClient WithBearer(string token)
    {
        var client = Platform.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
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

/// <summary>The cluster engine: the iceberg database on the shared test PostgreSQL server.</summary>
public sealed class PostgresIcebergFixture : IcebergFixture
{
    protected override async Task<Dictionary<string, string?>?> SettingsAsync()
    {
        if (PostgresServer.MissingReason() is not null && !Requires.InCi)
        {
            return null;
        }
        var server = await PostgresServer.SharedAsync();
        return server.Settings(PostgresServer.NewDatabasePrefix());
    }
}
