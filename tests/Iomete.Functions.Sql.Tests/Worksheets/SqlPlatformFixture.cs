using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Iomete.Testing;

namespace Iomete.Functions.Sql.Tests.Worksheets;

/// <summary>One local platform per test class with the admin logged in; tests use unique names.</summary>
public sealed class SqlPlatformFixture : IAsyncLifetime
{
    public const string Domain = "default";
    public const string UserPassword = "User-Password-1";

    public LocalPlatform Platform { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public string AdminToken { get; private set; } = null!;

    public static string Unique(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync()
    {
        Platform = await LocalPlatform.StartAsync();
        AdminToken = await Platform.AccessTokenAsync("admin", LocalPlatform.AdminPassword);
        Admin = Platform.Anonymous();
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Platform.DisposeAsync();
    }

    /// <summary>A new user without admin roles; with <paramref name="domainPermissions"/> it is a member of the default domain.</summary>
    public async Task<(string Id, HttpClient Client)> UserAsync(string prefix, params string[] domainPermissions)
    {
        var username = prefix + "-" + Guid.NewGuid().ToString("N")[..8];
        var user = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/identity/users",
            new { username, email = username + "@example.com", firstName = "Test", lastName = "User", password = UserPassword });
        var id = user.GetProperty("id").GetString()!;
        if (domainPermissions.Length > 0)
        {
            var bundle = (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/domains/{Domain}")).GetProperty("bundleId").GetString();
            await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/bundles/{bundle}/permissions",
                new { actorId = id, actorType = "USER", permissions = new Dictionary<string, string[]> { ["DOMAIN"] = domainPermissions } });
        }
        return (id, await Platform.LoginAsync(username, UserPassword));
    }
}

internal static class Http
{
    public static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(
        this HttpClient client, HttpMethod method, string url, object? body = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, url)
        {
            Content = body switch
            {
                null => null,
                HttpContent c => c,
                _ => new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
            },
        };
        configure?.Invoke(request);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    public static async Task<JsonElement> ExpectAsync(this HttpClient client, HttpStatusCode expected, HttpMethod method, string url, object? body = null,
        Action<HttpRequestMessage>? configure = null)
    {
        var (status, json, response) = await client.SendAsync(method, url, body, configure);
        response.Dispose();
        Assert.True(expected == status, $"{method} {url}: expected {(int)expected}, got {(int)status} {(json.ValueKind == JsonValueKind.Undefined ? "" : json.GetRawText())}");
        return json;
    }

    /// <summary>Asserts a problem+json response with the status and IOMETE error code.</summary>
    public static async Task<JsonElement> ExpectProblemAsync(this HttpClient client, HttpStatusCode expected, string errorCode, HttpMethod method, string url, object? body = null)
    {
        var (status, json, response) = await client.SendAsync(method, url, body);
        using (response)
        {
            Assert.True(expected == status, $"{method} {url}: expected {(int)expected}, got {(int)status} {json}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(errorCode, json.GetProperty("errorCode").GetString());
        }
        return json;
    }

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;
}
