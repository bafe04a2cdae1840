using System.Net;
using System.Text;
using System.Text.Json;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Push.Tests;

/// <summary>
/// One local platform (SQLite metadata) with short push timers, the admin logged in, and helpers to make users, bundles,
/// grants, and to publish events on the platform's own bus.
/// </summary>
public class PushFixture : IAsyncLifetime
{
    public const string Domain = "default";
    public const string UserPassword = "User-Password-1";

    private LocalPlatform? platform;

    public LocalPlatform Platform => platform ?? throw new InvalidOperationException("The platform has not started.");

    public HttpClient Admin { get; private set; } = null!;

    public string AdminId { get; private set; } = null!;

    /// <summary>False when the metadata database cannot run here (tests then return early; CI fails instead).</summary>
    public bool Started => platform is not null;

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    public virtual async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Iomete:Push:HeartbeatInterval"] = "00:00:01",
            ["Iomete:Push:CallerRecheckInterval"] = "00:00:01",
            ["Iomete:EventStreams:RunPipelines"] = "false",
        };
        foreach (var (key, value) in Settings())
        {
            settings[key] = value;
        }
        platform = await LocalPlatform.StartAsync(settings);
        Admin = await platform.LoginAsync();
        Admin.Timeout = Timeout.InfiniteTimeSpan;
        AdminId = (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v2/user")).Str("id");
    }

    protected virtual IDictionary<string, string?> Settings() => new Dictionary<string, string?>();

    public Task PublishAsync<T>(string topic, T payload) =>
        Platform.Services.GetRequiredService<IEventBus>().PublishAsync(topic, payload, CancellationToken.None);

    /// <summary>A user without admin roles; with <paramref name="domainPermissions"/> a member of the default domain.</summary>
    public async Task<(string Id, HttpClient Client)> UserAsync(string prefix, params string[] domainPermissions)
    {
        var (id, _, client) = await NamedUserAsync(prefix, domainPermissions);
        return (id, client);
    }

    public async Task<(string Id, string Username, HttpClient Client)> NamedUserAsync(string prefix, params string[] domainPermissions)
    {
        var username = Unique(prefix);
        var user = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/identity/users",
            new { username, email = username + "@example.com", firstName = "Test", lastName = "User", password = UserPassword });
        var id = user.Str("id");
        if (domainPermissions.Length > 0)
        {
            var domainBundle = (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/domains/{Domain}")).Str("bundleId");
            await GrantAsync(domainBundle, id, "DOMAIN", domainPermissions);
        }
        var client = await Platform.LoginAsync(username, UserPassword);
        client.Timeout = Timeout.InfiniteTimeSpan;
        return (id, username, client);
    }

    /// <summary>A user holding an admin role (e.g. <c>READ_ONLY_ADMIN</c>) and nothing else.</summary>
    public async Task<HttpClient> AdminRoleUserAsync(string role)
    {
        var (id, client) = await UserAsync("role");
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/identity/users/{id}/roles", new { roles = new[] { role } });
        return client;
    }

    /// <summary>A new resource bundle of the default domain owned by the admin.</summary>
    public async Task<string> NewBundleAsync()
    {
        var bundle = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/bundles",
            new { name = Unique("push"), domain = Domain, owner = new { id = AdminId, type = "USER" } });
        return bundle.Str("id");
    }

    public Task GrantAsync(string bundleId, string userId, string assetType, params string[] permissions) =>
        Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/bundles/{bundleId}/permissions",
            new { actorId = userId, actorType = "USER", permissions = new Dictionary<string, string[]> { [assetType] = permissions } });

    /// <summary>Puts a resource id into a bundle, as the service that creates it would.</summary>
    public Task RegisterAssetAsync(string bundleId, AssetType type, string assetId)
    {
        var admin = new Caller(AdminId, "admin", UserType.Person, true, new HashSet<AdminRole>(), new HashSet<string>(), null);
        return Platform.Services.GetRequiredService<IAssetRegistry>().RegisterAsync(admin, Domain, bundleId, type, assetId, CancellationToken.None);
    }

    /// <summary>A client that calls as the platform itself (the app API token), as Dapr and the cron bindings do.</summary>
    public HttpClient SystemClient()
    {
        var client = Platform.Anonymous();
        client.DefaultRequestHeaders.Add(InternalCallOptions.Header, Platform.Services.GetRequiredService<IOptions<InternalCallOptions>>().Value.AppApiToken);
        return client;
    }

    /// <summary>Posts a CloudEvent to a push subscription route as Dapr would (the app API token, a chosen id).</summary>
    public async Task<JsonElement> DeliverAsync(string topic, string eventId, object data)
    {
        using var client = SystemClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/internal/v1/push/subscriptions/{topic}");
        var envelope = new Dictionary<string, object?>
        {
            ["specversion"] = "1.0",
            ["id"] = eventId,
            ["source"] = "test",
            ["type"] = "com.dapr.event.sent",
            ["datacontenttype"] = "application/json",
            ["topic"] = topic,
            ["pubsubname"] = "pubsub",
            ["data"] = data,
        };
        request.Content = new StringContent(JsonSerializer.Serialize(envelope, Iomete.Platform.Http.Json.Options), Encoding.UTF8, "application/cloudevents+json");
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"delivery answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
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
