using System.Net;
using Iomete.Functions.Clusters.Tests.DataPlane;
using Iomete.Testing;

namespace Iomete.Functions.Clusters.Tests.Secrets;

/// <summary>
/// One local platform against the Kubernetes stand-in, with two data-plane namespaces, a global tag alias, and the admin
/// logged in; helpers make users, domains and bundles through the API.
/// </summary>
public class SettingsFixture : IAsyncLifetime
{
    public const string UserPassword = "User-Password-1";
    public static readonly string[] Namespaces = ["iomete-system", "team-a"];

    private LocalPlatform? platform;
    private FakeKubeApiServer? kube;

    public LocalPlatform Platform => platform ?? throw new InvalidOperationException("The platform has not started.");

    internal FakeKubeApiServer Kube => kube ?? throw new InvalidOperationException("The stand-in has not started.");

    public HttpClient Admin { get; private set; } = null!;

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    protected virtual bool WithDataPlane => true;

    /// <summary>False when the metadata database cannot run here (tests then return early; CI fails instead).</summary>
    public bool Started => platform is not null;

    /// <summary>Extra configuration (a metadata database); null when it cannot run here.</summary>
    protected virtual Task<Dictionary<string, string?>?> DatabaseSettingsAsync() => Task.FromResult<Dictionary<string, string?>?>([]);

    public async Task InitializeAsync()
    {
        if (await DatabaseSettingsAsync() is not { } database)
        {
            return;
        }
        var settings = new Dictionary<string, string?>(database)
        {
            ["Iomete:Clusters:Namespaces:0"] = Namespaces[0],
            ["Iomete:Clusters:Namespaces:1"] = Namespaces[1],
            ["Iomete:Clusters:TagAliases:stable"] = "3.5.5-v1",
            ["Iomete:Clusters:TagAliases:edge"] = "4.0.0-rc1",
        };
        if (WithDataPlane)
        {
            kube = await FakeKubeApiServer.StartAsync();
            settings["Iomete:Kubernetes:ApiServer"] = kube.Address.ToString();
        }
        platform = await LocalPlatform.StartAsync(settings);
        Admin = await platform.LoginAsync();
    }

    /// <summary>A user with the given admin roles (SNAKE_UPPER) and no domain permissions.</summary>
    public async Task<(string Id, HttpClient Client)> UserAsync(string prefix, params string[] roles)
    {
        var username = Unique(prefix);
        var user = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/identity/users",
            new { username, email = username + "@example.com", firstName = "Test", lastName = "User", password = UserPassword });
        if (roles.Length > 0)
        {
            await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/identity/users/{user.Str("id")}/roles", new { roles });
        }
        return (user.Str("id"), await Platform.LoginAsync(username, UserPassword));
    }

    /// <summary>A new domain owned by the admin; its id and the id of its DOMAIN bundle.</summary>
    public async Task<(string Domain, string DomainBundle)> DomainAsync(string prefix)
    {
        var id = Unique(prefix);
        await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v2/admin/domains", new { id, owner = new { id = "admin", type = "USER" } });
        return (id, (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/domains/{id}")).Str("bundleId"));
    }

    /// <summary>A resource bundle of <paramref name="domain"/>, owned by the admin.</summary>
    public async Task<string> BundleAsync(string domain) =>
        (await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/bundles",
            new { name = Unique("bundle"), domain, owner = new { id = "admin", type = "USER" } })).Str("id");

    /// <summary>Grants permissions of one asset type (DOMAIN, SPARK_JOB, NAMESPACE, …) in a bundle to a user.</summary>
    public Task GrantAsync(string bundleId, string userId, string assetType, params string[] permissions) =>
        Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/bundles/{bundleId}/permissions",
            new { actorId = userId, actorType = "USER", permissions = new Dictionary<string, string[]> { [assetType] = permissions } });

    public Task AddAssetAsync(string bundleId, string assetType, string assetId) =>
        Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/bundles/{bundleId}/assets", new { assetType, assetId });

    public async Task DisposeAsync()
    {
        Admin?.Dispose();
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }
        if (kube is not null)
        {
            await kube.DisposeAsync();
        }
    }
}

/// <summary>The same platform with its metadata on the shared test PostgreSQL server.</summary>
public sealed class PostgresSettingsFixture : SettingsFixture
{
    protected override async Task<Dictionary<string, string?>?> DatabaseSettingsAsync()
    {
        if (PostgresServer.MissingReason() is not null && !Requires.InCi)
        {
            return null;
        }
        return (await PostgresServer.SharedAsync()).Settings(PostgresServer.NewDatabasePrefix());
    }
}

/// <summary>The same platform without a data plane.</summary>
public sealed class NoDataPlaneSettingsFixture : SettingsFixture
{
    protected override bool WithDataPlane => false;
}
