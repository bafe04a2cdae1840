using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Iomete.Functions.Identity.Tests.Auth;
using Iomete.Platform.Security;
using Iomete.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Identity.Tests.Access;

/// <summary>One platform and an admin client shared by a test class; tests use unique names.</summary>
public sealed class RasPlatformFixture : IAsyncLifetime
{
    public LocalPlatform Platform { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;

    public IAccessControl Access => Platform.Services.GetRequiredService<IAccessControl>();

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

    /// <summary>A new user (unique name from <paramref name="prefix"/>) with a logged-in client.</summary>
    public async Task<(string Id, string Username, HttpClient Client)> UserAsync(string prefix)
    {
        var username = Identities.Unique(prefix);
        var id = await Admin.CreateUserAsync(username);
        return (id, username, await Platform.LoginAsync(username, Identities.Password));
    }

    public async Task<string> DomainAsync(string prefix, object? owner = null)
    {
        var id = Identities.Unique(prefix);
        await Admin.PostJsonAsync("/api/v2/admin/domains", new { id, owner = owner ?? new { id = "admin", type = "USER" } }, HttpStatusCode.Created);
        return id;
    }

    public async Task<JsonElement> BundleAsync(string domain, string ownerId, string? name = null) =>
        await Admin.PostJsonAsync("/api/v1/bundles",
            new { name = name ?? Identities.Unique("bundle"), domain, owner = new { id = ownerId, type = "USER" } }, HttpStatusCode.Created);

    public static Caller Caller(string userId, string username, params string[] groupIds) =>
        new(userId, username, UserType.Person, false, new HashSet<AdminRole>(), new HashSet<string>(groupIds), null);

    public static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        return await response.JsonAsync(expected);
    }
}
