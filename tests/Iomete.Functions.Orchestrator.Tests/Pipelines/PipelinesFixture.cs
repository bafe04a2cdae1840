using System.Net;
using System.Text.Json;
using Iomete.Testing;

namespace Iomete.Functions.Orchestrator.Tests.Pipelines;

/// <summary>
/// One local platform (SQLite metadata, no data plane) with the admin logged in, a resource bundle of the default domain and
/// SQL jobs of the clusters service that pipelines can run (a good one and one whose statement fails).
/// </summary>
public sealed class PipelinesFixture : IAsyncLifetime
{
    public const string Domain = "default";
    public const string Root = $"/api/v1/domains/{Domain}/pipelines";
    public const string Jobs = $"/api/v2/domains/{Domain}/spark/jobs";
    public const string UserPassword = "User-Password-1";

    private LocalPlatform? platform;

    public LocalPlatform Platform => platform ?? throw new InvalidOperationException("The platform has not started.");

    public HttpClient Admin { get; private set; } = null!;

    public string AdminId { get; private set; } = null!;

    public string BundleId { get; private set; } = null!;

    /// <summary>A SQL job that completes.</summary>
    public string GoodJob { get; private set; } = null!;

    /// <summary>A SQL job whose statement fails.</summary>
    public string BadJob { get; private set; } = null!;

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync()
    {
        platform = await LocalPlatform.StartAsync();
        Admin = await platform.LoginAsync();
        AdminId = (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v2/user")).Str("id");
        BundleId = (await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/bundles",
            new { name = Unique("pipelines"), domain = Domain, owner = new { id = AdminId, type = "USER" } })).Str("id");
        GoodJob = await SqlJobAsync("SELECT 1 AS one");
        BadJob = await SqlJobAsync("SELECT * FROM no_such_table_anywhere");
    }

    /// <summary>A SQL job (applicationType sql) that runs on the embedded engine.</summary>
    public async Task<string> SqlJobAsync(string script, string? database = null) =>
        (await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Jobs, new Dictionary<string, object?>
        {
            ["name"] = Unique("sqljob"),
            ["bundleId"] = BundleId,
            ["template"] = new Dictionary<string, object?>
            {
                ["applicationType"] = "sql", ["sqlScript"] = script, ["catalog"] = "spark_catalog", ["database"] = database,
            },
        })).Str("id");

    /// <summary>A new database of the lakehouse catalog, created with a SQL query on the local compute.</summary>
    public async Task<string> DatabaseAsync()
    {
        var database = "pipelines_" + Guid.NewGuid().ToString("N")[..8];
        var created = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/domains/{Domain}/sql/queries?wait=30",
            new { query = $"CREATE DATABASE {database}", computeCluster = "local", catalog = "spark_catalog" });
        Assert.Equal("COMPLETED", created.Str("status"));
        return database;
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

    /// <summary>Grants pipeline permissions of the bundle to a user.</summary>
    public Task GrantAsync(string userId, params string[] permissions) =>
        Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/bundles/{BundleId}/permissions",
            new { actorId = userId, actorType = "USER", permissions = new Dictionary<string, string[]> { ["PIPELINE"] = permissions } });

    /// <summary>A pipeline body: the given nodes (default: one node running the good job).</summary>
    public Dictionary<string, object?> Body(string? name = null, object[]? nodes = null, object? parameters = null) => new()
    {
        ["name"] = name ?? Unique("p"),
        ["resourceBundleId"] = BundleId,
        ["nodes"] = nodes ?? [new { key = "only", jobId = GoodJob }],
        ["parameters"] = parameters,
    };

    public Task<JsonElement> CreateAsync(Dictionary<string, object?> body) => Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root, body);

    /// <summary>Polls a pipeline run until it ended.</summary>
    public async Task<JsonElement> WaitForRunAsync(string pipelineId, string runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var detail = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{pipelineId}/runs/{runId}");
            if (detail.GetProperty("run").Str("state") is "COMPLETED" or "FAILED" or "CANCELLED" or "TIMED_OUT" or "CRASHED")
            {
                return detail;
            }
            Assert.True(DateTime.UtcNow < deadline, "the run did not end: " + detail.GetRawText());
            await Task.Delay(200);
        }
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
