using System.Net;
using Iomete.Testing;

namespace Iomete.Functions.Core.Tests.Support;

/// <summary>One local platform shared by the tests of a class, with the admin logged in.</summary>
public sealed class CorePlatformFixture : IAsyncLifetime
{
    public const string UserPassword = "User-Password-1";
    public const long UploadLimit = 4 * 1024 * 1024;

    private LocalPlatform? _platform;
    private HttpClient? _admin;

    public LocalPlatform Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    public HttpClient Admin => _admin ?? throw new InvalidOperationException("The platform has not started.");

    public async Task InitializeAsync()
    {
        _platform = await LocalPlatform.StartAsync(new Dictionary<string, string?>
        {
            ["Iomete:Core:WebhookTimeout"] = "00:00:03",
            ["Iomete:Core:SmtpTimeout"] = "00:00:10",
            ["Iomete:Core:StorageUploadMaxBytes"] = UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _admin = await _platform.LoginAsync();
    }

    /// <summary>Creates a user with the given admin roles (SNAKE_UPPER names) and returns a client logged in as it.</summary>
    public async Task<HttpClient> UserAsync(string prefix, params string[] roles) => (await UserWithIdAsync(prefix, roles)).Client;

    /// <summary>Like <see cref="UserAsync"/>, also returning the new user's id.</summary>
    public async Task<(string Id, HttpClient Client)> UserWithIdAsync(string prefix, params string[] roles)
    {
        var username = prefix + "-" + Guid.NewGuid().ToString("N")[..8];
        var user = await Admin.PostJsonAsync("/api/v1/admin/identity/users",
            new { username, email = username + "@example.com", firstName = "Test", lastName = "User", password = UserPassword },
            HttpStatusCode.Created);
        if (roles.Length > 0)
        {
            await Admin.PutJsonAsync($"/api/v1/admin/identity/users/{user.Str("id")}/roles", new { roles }, HttpStatusCode.OK);
        }
        return (user.Str("id"), await Platform.LoginAsync(username, UserPassword));
    }

    /// <summary>A new domain owned by the admin; returns its id and the id of its DOMAIN bundle.</summary>
    public async Task<(string Domain, string BundleId)> DomainAsync(string prefix)
    {
        var id = prefix + "-" + Guid.NewGuid().ToString("N")[..8];
        await Admin.PostJsonAsync("/api/v2/admin/domains", new { id, owner = new { id = "admin", type = "USER" } }, HttpStatusCode.Created);
        return (id, (await Admin.GetJsonAsync($"/api/v1/admin/domains/{id}")).Str("bundleId"));
    }

    /// <summary>Grants domain permissions (VIEW_SPARK_SETTINGS, …) to a user through the domain's DOMAIN bundle.</summary>
    public Task GrantDomainAsync(string bundleId, string userId, params string[] permissions) =>
        Admin.PostJsonAsync($"/api/v1/bundles/{bundleId}/permissions",
            new { actorId = userId, actorType = "USER", permissions = new Dictionary<string, string[]> { ["DOMAIN"] = permissions } },
            HttpStatusCode.OK);

    public async Task DisposeAsync()
    {
        _admin?.Dispose();
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }
}
