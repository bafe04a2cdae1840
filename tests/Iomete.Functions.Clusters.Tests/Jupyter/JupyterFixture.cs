using System.Net;
using System.Text;
using System.Text.Json;
using Iomete.Functions.Clusters.Tests.DataPlane;
using Iomete.Testing;

namespace Iomete.Functions.Clusters.Tests.Jupyter;

/// <summary>
/// One local platform whose data plane is the API server stand-in (namespace <c>spark</c>), with the admin logged in,
/// a resource bundle of the default domain and an NFS volume. The stand-in drops every watch after one event, so each
/// state change also exercises the watcher's resume.
/// </summary>
public sealed class JupyterFixture : IAsyncLifetime
{
    public const string Domain = "default";
    public const string Namespace = "spark";
    public const string Root = $"/api/v1/domains/{Domain}/jupyter-containers";
    public const string UserPassword = "User-Password-1";

    private LocalPlatform? platform;

    internal FakeKubeApiServer Kube { get; private set; } = null!;

    public LocalPlatform Platform => platform ?? throw new InvalidOperationException("The platform has not started.");

    public HttpClient Admin { get; private set; } = null!;

    public string BundleId { get; private set; } = null!;

    public string VolumeName { get; } = Unique("home");

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync()
    {
        Kube = await FakeKubeApiServer.StartAsync();
        Kube.DropWatchesAfter = 1;
        platform = await LocalPlatform.StartAsync(new Dictionary<string, string?>
        {
            ["Iomete:Kubernetes:ApiServer"] = Kube.Address.ToString(),
            ["Iomete:Clusters:Namespaces:0"] = Namespace,
            ["Iomete:Clusters:Namespaces:1"] = "analytics",
            ["Iomete:Clusters:Jupyter:PodCheckSeconds"] = "1",
            ["Iomete:Clusters:Jupyter:PublicUrl"] = "https://iomete.example.com",
        });
        Admin = await platform.LoginAsync();
        BundleId = await NewBundleAsync();
        await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/volumes",
            new { name = VolumeName, type = "NFS", server = "nfs.internal", path = "/exports/home" });
    }

    public async Task<string> NewBundleAsync()
    {
        var me = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v2/user");
        var bundle = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/bundles",
            new { name = Unique("jupyter"), domain = Domain, owner = new { id = me.Str("id"), type = "USER" } });
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

    public Task GrantAsync(string bundleId, string userId, params string[] permissions) =>
        Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/bundles/{bundleId}/permissions",
            new { actorId = userId, actorType = "USER", permissions = new Dictionary<string, string[]> { ["JUPYTER_CONTAINER"] = permissions } });

    public Task<JsonElement> CreateAsync(HttpClient? client = null, string? name = null, string? bundleId = null, object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["name"] = name ?? Unique("nb"), ["resourceBundleId"] = bundleId ?? BundleId, ["namespace"] = Namespace, ["nodeType"] = "driver-small",
        };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
            body[property.Name] = property.GetValue(extra);
        return (client ?? Admin).ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root, body);
    }

    /// <summary>Reads the container until its status is <paramref name="status"/> (10 s at most).</summary>
    public async Task<JsonElement> WaitForStatusAsync(string id, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var current = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}");
            if (current.Str("status") == status)
                return current;
            Assert.True(DateTime.UtcNow < deadline, $"still {current.Str("status")} ({current}), expected {status}\n{string.Join("\n", Kube.Requests)}");
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        Admin?.Dispose();
        if (platform is not null)
            await platform.DisposeAsync();
        if (Kube is not null)
            await Kube.DisposeAsync();
    }
}
