using System.Net;

namespace Iomete.Functions.Health.Tests.Api;

/// <summary>One embedded platform (SQLite, local warehouse) shared by the API tests, with an admin client.</summary>
public sealed class HealthPlatformFixture : IAsyncLifetime
{
    public const string UserPassword = "User-Password-1";

    public LocalPlatform Platform { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Platform = await LocalPlatform.StartAsync();
        Admin = await Platform.LoginAsync();
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Platform.DisposeAsync();
    }

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A new user with the given admin roles, logged in.</summary>
    public async Task<HttpClient> UserAsync(string prefix, params string[] roles)
    {
        var username = Unique(prefix);
        var user = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/identity/users",
            new { username, email = username + "@example.com", firstName = "Test", lastName = "User", password = UserPassword });
        if (roles.Length > 0)
        {
            await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/identity/users/{user.Str("id")}/roles", new { roles });
        }
        return await Platform.LoginAsync(username, UserPassword);
    }
}
