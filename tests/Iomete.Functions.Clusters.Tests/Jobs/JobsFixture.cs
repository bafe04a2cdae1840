using System.Net;
using System.Text.Json;
using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Tests.DataPlane;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Iomete.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Tests.Jobs;

/// <summary>
/// One local platform against the Kubernetes stand-in (every created SparkApplication checked against the operator's
/// CRD), with a recording event bus, fake driver logs, a fast run sweep, the admin logged in and one resource bundle.
/// </summary>
public class JobsFixture : IAsyncLifetime
{
    public const string Domain = "default";
    public const string Console = $"/api/v2/domains/{Domain}/spark/jobs";
    public const string Sdk = $"/api/v2/domains/{Domain}/sdk/spark/jobs";
    public const string Streaming = $"/api/v2/domains/{Domain}/spark/streaming/jobs";
    public const string AllRuns = $"/api/v2/domains/{Domain}/spark/runs";
    public const string UserPassword = "User-Password-1";

    private LocalPlatform? platform;
    private FakeKubeApiServer? kube;

    public LocalPlatform Platform => platform ?? throw new InvalidOperationException("The platform has not started.");

    internal FakeKubeApiServer Kube => kube ?? throw new InvalidOperationException("This fixture has no data plane.");

    internal RecordingEventBus Events { get; } = new();

    internal FakeDiagnostics Diagnostics { get; } = new();

    public HttpClient Admin { get; private set; } = null!;

    public string AdminId { get; private set; } = null!;

    public string BundleId { get; private set; } = null!;

    protected virtual bool WithDataPlane => true;

    public string AppToken => Platform.Services.GetRequiredService<IOptions<InternalCallOptions>>().Value.AppApiToken!;

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>False when the metadata database cannot run here (tests then return early; CI fails instead).</summary>
    public bool Started => platform is not null;

    /// <summary>The metadata database settings; null skips the fixture.</summary>
    protected virtual Task<Dictionary<string, string?>?> DatabaseSettingsAsync() => Task.FromResult<Dictionary<string, string?>?>([]);

    public async Task InitializeAsync()
    {
        var database = await DatabaseSettingsAsync();
        if (database is null)
        {
            return;
        }
        var settings = new Dictionary<string, string?>(database)
        {
            ["Iomete:Clusters:Namespaces:0"] = "iomete-system",
            ["Iomete:Clusters:Namespaces:1"] = "analytics",
            ["Iomete:Clusters:Jobs:SweepIntervalMs"] = "200",
            ["Iomete:Clusters:Jobs:MinExecutionDurationSeconds"] = "1",
        };
        if (WithDataPlane)
        {
            kube = await FakeKubeApiServer.StartAsync();
            kube.Validate = body => Schemas.KubernetesSchemas.Errors(Schemas.KubernetesSchemas.SparkApplication, body) is { Count: > 0 } errors
                ? string.Join("; ", errors)
                : null;
            settings["Iomete:Kubernetes:ApiServer"] = kube.Address.ToString().TrimEnd('/');
        }
        platform = await LocalPlatform.StartAsync(settings, b =>
        {
            b.Services.AddSingleton<IEventBus>(Events);
            b.Services.AddSingleton<IDataPlaneDiagnostics>(Diagnostics);
        });
        Admin = await platform.LoginAsync();
        AdminId = (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v2/user")).Str("id");
        BundleId = await NewBundleAsync();
    }

    public async Task<string> NewBundleAsync()
    {
        var bundle = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/bundles",
            new { name = Unique("jobs"), domain = Domain, owner = new { id = AdminId, type = "USER" } });
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

    /// <summary>Grants Spark job permissions of a bundle to a user.</summary>
    public Task GrantAsync(string bundleId, string userId, params string[] permissions) =>
        Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/bundles/{bundleId}/permissions",
            new { actorId = userId, actorType = "USER", permissions = new Dictionary<string, string[]> { ["SPARK_JOB"] = permissions } });

    /// <summary>A job body: a python job by default; <paramref name="template"/> and <paramref name="extra"/> entries replace the defaults.</summary>
    public Dictionary<string, object?> Body(string? name = null, Dictionary<string, object?>? template = null, Dictionary<string, object?>? extra = null)
    {
        var t = new Dictionary<string, object?> { ["applicationType"] = "python", ["mainApplicationFile"] = "local:///app/job.py" };
        foreach (var (key, value) in template ?? [])
        {
            t[key] = value;
        }
        var body = new Dictionary<string, object?> { ["name"] = name ?? Unique("job"), ["bundleId"] = BundleId, ["template"] = t };
        foreach (var (key, value) in extra ?? [])
        {
            body[key] = value;
        }
        return body;
    }

    public Task<JsonElement> CreateAsync(Dictionary<string, object?> body, string root = Console) =>
        Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, root, body);

    public Task<JsonElement> RunAsync(string jobId, object? overrides = null, HttpClient? client = null) =>
        (client ?? Admin).ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{Console}/{jobId}/runs", overrides ?? new { });

    /// <summary>Reads the run until <paramref name="done"/> holds (30 s at most: a busy CI machine is slow, and it returns as soon as it holds).</summary>
    public async Task<JsonElement> WaitForRunAsync(string jobId, string runId, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement run;
        do
        {
            run = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Console}/{jobId}/runs/{runId}");
            if (done(run))
            {
                return run;
            }
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"Run {runId} never reached the expected state; last: {run}");
        return run;
    }

    public Task<JsonElement> WaitForStatusAsync(string jobId, string runId, string status) =>
        WaitForRunAsync(jobId, runId, r => r.Str("status") == status);

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

/// <summary>The same platform without a Kubernetes data plane (embedded SQL only).</summary>
public sealed class NoDataPlaneJobsFixture : JobsFixture
{
    protected override bool WithDataPlane => false;
}

/// <summary>The platform with its metadata on the shared test PostgreSQL server.</summary>
public sealed class PostgresJobsFixture : JobsFixture
{
    protected override async Task<Dictionary<string, string?>?> DatabaseSettingsAsync()
    {
        if (PostgresServer.MissingReason() is not null && !Requires.InCi)
        {
            return null;
        }
        var server = await PostgresServer.SharedAsync();
        return server.Settings(PostgresServer.NewDatabasePrefix());
    }
}
