using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Iomete.Functions.EventStreams.Streams;
using Iomete.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.EventStreams.Tests.Streams;

/// <summary>
/// One local platform (SQLite metadata, or the shared test PostgreSQL server) with the recording runtime in place of the
/// ingestion pipelines, the admin logged in, and one resource bundle of the default domain.
/// </summary>
public class StreamsFixture : IAsyncLifetime
{
    public const string Domain = "default";
    public const string Root = $"/api/v1/domains/{Domain}/event-streams";
    public const string UserPassword = "User-Password-1";

    private LocalPlatform? platform;

    public LocalPlatform Platform => platform ?? throw new InvalidOperationException("The platform has not started.");

    public HttpClient Admin { get; private set; } = null!;

    public string BundleId { get; private set; } = null!;

    public RecordingStreamRuntime Runtime { get; } = new();

    public EventStreamStore Store => Platform.Services.GetRequiredService<EventStreamStore>();

    /// <summary>False when the metadata database cannot run here (tests then return early; CI fails instead).</summary>
    public bool Started => platform is not null;

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    public virtual async Task InitializeAsync()
    {
        var settings = await SettingsAsync();
        if (settings is null)
        {
            return;
        }
        settings["Iomete:EventStreams:Namespaces:0"] = "iomete-system";
        settings["Iomete:EventStreams:Namespaces:1"] = "analytics";
        platform = await LocalPlatform.StartAsync(settings, b =>
        {
            if (UseRecordingRuntime)
            {
                b.Services.AddSingleton<IStreamRuntime>(Runtime);
            }
            Configure(b);
        });
        Admin = await platform.LoginAsync();
        BundleId = await NewBundleAsync();
    }

    protected virtual Task<Dictionary<string, string?>?> SettingsAsync() => Task.FromResult<Dictionary<string, string?>?>([]);

    /// <summary>False runs the real ingestion pipelines instead of the recording runtime.</summary>
    protected virtual bool UseRecordingRuntime => true;

    protected virtual void Configure(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder)
    {
    }

    /// <summary>A new resource bundle of the default domain owned by the admin.</summary>
    public async Task<string> NewBundleAsync()
    {
        var me = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v2/user");
        var bundle = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/bundles",
            new { name = Unique("streams"), domain = Domain, owner = new { id = me.Str("id"), type = "USER" } });
        return bundle.Str("id");
    }

    /// <summary>A user without admin roles; with <paramref name="domainPermissions"/> a member of the default domain.</summary>
    public async Task<(string Id, HttpClient Client)> UserAsync(string prefix, params string[] domainPermissions)
    {
        var username = Unique(prefix);
        var user = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/identity/users",
            new { username, email = username + "@example.com", firstName = "Test", lastName = "User", password = UserPassword });
        var id = user.Str("id");
        if (domainPermissions.Length > 0)
        {
            var domainBundle = (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/domains/{Domain}")).Str("bundleId");
            await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/bundles/{domainBundle}/permissions",
                new { actorId = id, actorType = "USER", permissions = new Dictionary<string, string[]> { ["DOMAIN"] = domainPermissions } });
        }
        return (id, await Platform.LoginAsync(username, UserPassword));
    }

    /// <summary>Grants event-stream permissions of the bundle to a user.</summary>
    public Task GrantAsync(string bundleId, string userId, params string[] permissions) =>
        Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/bundles/{bundleId}/permissions",
            new { actorId = userId, actorType = "USER", permissions = new Dictionary<string, string[]> { ["EVENT_STREAM"] = permissions } });

    /// <summary>Creates a stream through the API as the admin.</summary>
    public Task<JsonElement> CreateAsync(string? name = null, object? extra = null, string? bundleId = null)
    {
        var body = new Dictionary<string, object?> { ["name"] = name ?? Unique("s"), ["resourceBundleId"] = bundleId ?? BundleId };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(extra);
        }
        return Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root, body);
    }

    public async Task DisposeAsync()
    {
        Admin?.Dispose();
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }
    }
}

/// <summary>The same platform with its metadata on the shared test PostgreSQL server.</summary>
public sealed class PostgresStreamsFixture : StreamsFixture
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

internal static class Http
{
    public static async Task<(HttpStatusCode Status, string Text, HttpResponseMessage Response)> SendRawAsync(
        this HttpClient client, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url)
        {
            Content = body is null ? null : new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public static async Task<JsonElement> ExpectAsync(this HttpClient client, HttpStatusCode expected, HttpMethod method, string url, object? body = null)
    {
        var (status, text, response) = await client.SendRawAsync(method, url, body);
        response.Dispose();
        Assert.True(expected == status, $"{method} {url}: expected {(int)expected}, got {(int)status} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a problem+json response with the status and IOMETE error code.</summary>
    public static async Task<JsonElement> ExpectProblemAsync(
        this HttpClient client, HttpStatusCode expected, string errorCode, HttpMethod method, string url, object? body = null)
    {
        var (status, text, response) = await client.SendRawAsync(method, url, body);
        using (response)
        {
            Assert.True(expected == status, $"{method} {url}: expected {(int)expected}, got {(int)status} {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var json = JsonDocument.Parse(text).RootElement.Clone();
            Assert.Equal(errorCode, json.GetProperty("errorCode").GetString());
            return json;
        }
    }

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;
}
