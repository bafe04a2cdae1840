using System.Net;
using System.Text.Json;
using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Tests.DataPlane;
using Iomete.Functions.Clusters.Tests.Schemas;
using Iomete.Platform.Messaging;
using Iomete.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Clusters.Tests.Compute;

/// <summary>
/// One local platform whose data plane is the Kubernetes stand-in (every SparkApplication checked against the operator's
/// CRD, every Service against the Kubernetes schema), fake diagnostics, fast reminders, the admin logged in, and one
/// resource bundle of the default domain.
/// </summary>
public class ComputeFixture : IAsyncLifetime
{
    public const string Domain = "default";
    public const string Namespace = "iomete-compute";
    public const string Root = $"/api/v2/domains/{Domain}/compute";
    public const string UserPassword = "User-Password-1";

    private LocalPlatform? platform;
    private FakeKubeApiServer? kube;

    public LocalPlatform Platform => platform ?? throw new InvalidOperationException("The platform has not started.");

    internal FakeKubeApiServer Kube => kube ?? throw new InvalidOperationException("The stand-in has not started.");

    internal FakeDiagnostics Diagnostics { get; } = new();

    /// <summary>Everything published on the event bus, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(string Topic, object? Payload)> Published { get; } = new();

    public HttpClient Admin { get; private set; } = null!;

    public string BundleId { get; private set; } = null!;

    /// <summary>False when the metadata database cannot run here (tests then return early; CI fails instead).</summary>
    public bool Started => platform is not null;

    /// <summary>Settings of the metadata database; null when it cannot run here.</summary>
    protected virtual Task<Dictionary<string, string?>?> SettingsAsync() => Task.FromResult<Dictionary<string, string?>?>([]);

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync()
    {
        var settings = await SettingsAsync();
        if (settings is null)
        {
            return;
        }
        kube = await FakeKubeApiServer.StartAsync();
        kube.Validate = body => KubernetesSchemas.Errors(KubernetesSchemas.SparkApplication, body) is { Count: > 0 } errors ? string.Join("; ", errors) : null;
        settings["Iomete:Kubernetes:ApiServer"] = kube.Address.ToString().TrimEnd('/');
        settings["Iomete:Clusters:Namespaces:0"] = Namespace;
        settings["Iomete:Clusters:Namespaces:1"] = "analytics";
        settings["Iomete:Clusters:ReminderPollInterval"] = "00:00:00.100";
        settings["Iomete:Clusters:AutoRestartDelay"] = "00:00:00.200";
        settings["Iomete:Clusters:MinAutoSuspendSeconds"] = "1";
        platform = await LocalPlatform.StartAsync(settings, builder =>
        {
            builder.Services.AddSingleton<IDataPlaneDiagnostics>(Diagnostics);
            var bus = builder.Services.Last(d => d.ServiceType == typeof(IEventBus));
            builder.Services.Remove(bus);
            builder.Services.AddSingleton<IEventBus>(sp => new RecordingEventBus((IEventBus)bus.ImplementationFactory!(sp), Published));
        });
        Admin = await platform.LoginAsync();
        var me = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v2/user");
        var bundle = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/bundles",
            new { name = Unique("compute"), domain = Domain, owner = new { id = me.Str("id"), type = "USER" } });
        BundleId = bundle.Str("id");
    }

    /// <summary>A user without admin roles; with <paramref name="domainPermissions"/> a member of the default domain.</summary>
    public async Task<(string Id, HttpClient Client)> UserAsync(string prefix, params string[] domainPermissions)
    {
        var username = Unique(prefix);
        var user = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/identity/users",
            new { username, email = username + "@example.com", firstName = "Test", lastName = "User", password = UserPassword });
        var id = user.Str("id");
        var domainBundle = (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/domains/{Domain}")).Str("bundleId");
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/bundles/{domainBundle}/permissions",
            new { actorId = id, actorType = "USER", permissions = new Dictionary<string, string[]> { ["DOMAIN"] = domainPermissions } });
        return (id, await Platform.LoginAsync(username, UserPassword));
    }

    /// <summary>Grants compute permissions of the bundle to a user.</summary>
    public Task GrantAsync(string userId, params string[] permissions) =>
        Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/bundles/{BundleId}/permissions",
            new { actorId = userId, actorType = "USER", permissions = new Dictionary<string, string[]> { ["COMPUTE"] = permissions } });

    /// <summary>Creates (and so starts) a multi-node cluster as the admin; <paramref name="extra"/> adds or replaces fields.</summary>
    public Task<JsonElement> CreateAsync(string? name = null, Dictionary<string, object?>? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["name"] = name ?? Unique("cc"),
            ["resourceBundleId"] = BundleId,
            ["driverType"] = "driver-small",
            ["executorType"] = "exec-small",
            ["maxExecutors"] = 2,
        };
        foreach (var (key, value) in extra ?? [])
        {
            body[key] = value;
        }
        return Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root, body);
    }

    public Task<JsonElement> GetAsync(string id) => Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}");

    public Task<JsonElement> WaitForStatusAsync(string id, string status, int seconds = 15) =>
        ComputeHttp.EventuallyAsync(() => GetAsync(id), c => c.Str("status") == status, $"cluster {id} {status}", seconds);

    public static string App(string id) => "compute-" + id;

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

/// <summary>The same platform with the clusters database on the shared test PostgreSQL server.</summary>
public sealed class PostgresComputeFixture : ComputeFixture
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
