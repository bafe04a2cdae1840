using System.Net;
using System.Text.Json;
using Iomete.Testing;
using Iomete.Workflows.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Orchestrator.Tests.Schedules;

/// <summary>One local platform (embedded SQL engine, in-process workflows) with the admin logged in and a resource bundle.</summary>
public sealed class SchedulesFixture : IAsyncLifetime
{
    public const string Domain = "default";
    public const string Root = $"/api/v1/domains/{Domain}/schedules";
    public const string Queries = $"/api/v1/domains/{Domain}/sql/queries";
    public const string UserPassword = "User-Password-1";
    /// <summary>Minutes of work on the embedded engine: a run that is still active when the next fire comes.</summary>
    public const string LongQuery = "SELECT count(*) FROM range(1000000000000)";

    private LocalPlatform? platform;

    public LocalPlatform Platform => platform ?? throw new InvalidOperationException("The platform has not started.");

    public HttpClient Admin { get; private set; } = null!;

    public string BundleId { get; private set; } = null!;

    public T Service<T>() where T : notnull => Platform.Services.GetRequiredService<T>();

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync()
    {
        platform = await LocalPlatform.StartAsync(new Dictionary<string, string?>());
        Admin = await platform.LoginAsync();
        var me = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v2/user");
        var bundle = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/bundles",
            new { name = Unique("schedules"), domain = Domain, owner = new { id = me.Str("id"), type = "USER" } });
        BundleId = bundle.Str("id");
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

    /// <summary>A new database of the embedded engine's spark_catalog.</summary>
    public async Task<string> DatabaseAsync()
    {
        var db = "sched_" + Guid.NewGuid().ToString("N")[..8];
        await SqlAsync($"CREATE DATABASE {db}", null);
        return db;
    }

    public async Task<JsonElement> SqlAsync(string sql, string? db)
    {
        var done = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Queries}?wait=30",
            new { query = sql, computeCluster = "local", catalog = "spark_catalog", database = db });
        Assert.True(done.Str("status") == "COMPLETED", done.GetRawText());
        return done;
    }

    /// <summary>Creates a schedule as the admin from the given fields (name and bundle filled in).</summary>
    public Task<JsonElement> CreateAsync(object fields)
    {
        var body = new Dictionary<string, object?> { ["name"] = Unique("s"), ["resourceBundleId"] = BundleId };
        foreach (var property in fields.GetType().GetProperties())
        {
            body[property.Name] = property.GetValue(fields);
        }
        return Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root, body);
    }

    public async Task<List<JsonElement>> RunsAsync(string scheduleId, string query = "")
    {
        var page = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{scheduleId}/runs?limit=1000{query}");
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    /// <summary>Polls the schedule's runs until <paramref name="done"/> holds (or fails after <paramref name="seconds"/>).</summary>
    public async Task<List<JsonElement>> WaitForRunsAsync(string scheduleId, Func<List<JsonElement>, bool> done, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var runs = await RunsAsync(scheduleId);
            if (done(runs))
            {
                return runs;
            }
            Assert.True(DateTime.UtcNow < until, $"Timed out; runs: {string.Join(", ", runs.Select(r => r.GetRawText()))}");
            await Task.Delay(200);
        }
    }

    public Task<IReadOnlyList<RunTask>> TasksAsync(string runId) => Service<RunJournal>().TasksAsync(runId, CancellationToken.None);

    public static bool Ended(JsonElement run) => run.Str("state") is "COMPLETED" or "FAILED" or "CANCELLED" or "CRASHED" or "TIMED_OUT";

    public async Task PauseAsync(string scheduleId) =>
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{scheduleId}/pause");

    public async Task DisposeAsync()
    {
        Admin?.Dispose();
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }
    }
}
