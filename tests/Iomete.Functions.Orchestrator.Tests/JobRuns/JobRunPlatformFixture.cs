using System.Net;
using System.Text.Json;
using Iomete.Workflows.Runs;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Orchestrator.Tests.JobRuns;

/// <summary>
/// One local platform (no data plane: SQL jobs run on the embedded engine) with fast job-run polling and one orchestrated run per
/// namespace at a time, the admin logged in, a resource bundle and a database for the jobs' scripts.
/// </summary>
public sealed class JobRunPlatformFixture : IAsyncLifetime
{
    public const string Domain = "default";
    public const string Jobs = $"/api/v2/domains/{Domain}/spark/jobs";
    public const string WorkflowRuns = $"/api/v1/domains/{Domain}/workflow-runs";
    public const string Queues = $"/api/v1/domains/{Domain}/job-queues";
    public const string UserPassword = "User-Password-1";

    private LocalPlatform? platform;

    public LocalPlatform Platform => platform ?? throw new InvalidOperationException("The platform has not started.");

    public HttpClient Admin { get; private set; } = null!;

    public string AdminId { get; private set; } = null!;

    public string BundleId { get; private set; } = null!;

    public string Database { get; private set; } = null!;

    public WorkflowRunStore Runs => Platform.Services.GetRequiredService<WorkflowRunStore>();

    public DurableTaskClient Durable => Platform.Services.GetRequiredService<DurableTaskClient>();

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync()
    {
        platform = await LocalPlatform.StartAsync(new Dictionary<string, string?>
        {
            ["Iomete:Workflows:JobRuns:PollSeconds"] = "1",
            ["Iomete:Workflows:Queues:RecheckSeconds"] = "1",
            ["Iomete:Clusters:Orchestration:LocalConcurrencyPerNamespace"] = "1",
        });
        Admin = await platform.LoginAsync();
        AdminId = (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v2/user")).Str("id");
        BundleId = (await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/bundles",
            new { name = Unique("runs"), domain = Domain, owner = new { id = AdminId, type = "USER" } })).Str("id");
        Database = "runs_" + Guid.NewGuid().ToString("N")[..8];
        var created = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/domains/{Domain}/sql/queries?wait=30",
            new { query = $"CREATE DATABASE {Database}", computeCluster = "local", catalog = "spark_catalog" });
        Assert.Equal("COMPLETED", created.Str("status"));
    }

    /// <summary>A SQL job (runs on the embedded engine) with the script; <paramref name="flow"/> LEGACY or PRIORITY.</summary>
    public async Task<string> SqlJobAsync(string script, string flow = "LEGACY")
    {
        var job = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Jobs, new Dictionary<string, object?>
        {
            ["name"] = Unique("sqljob"),
            ["bundleId"] = BundleId,
            ["flow"] = flow,
            ["concurrency"] = "ALLOW",
            ["template"] = new Dictionary<string, object?>
            {
                ["applicationType"] = "sql", ["sqlScript"] = script, ["catalog"] = "spark_catalog", ["database"] = Database,
            },
        });
        return job.Str("id");
    }

    /// <summary>A user without admin roles, a member of the domain (it may create jobs) but holding no permission on others' jobs.</summary>
    public async Task<HttpClient> PlainUserAsync()
    {
        var username = Unique("plain");
        var user = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/identity/users",
            new { username, email = username + "@example.com", firstName = "Plain", lastName = "User", password = UserPassword });
        var domainBundle = (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/domains/{Domain}")).Str("bundleId");
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/bundles/{domainBundle}/permissions",
            new { actorId = user.Str("id"), actorType = "USER", permissions = new Dictionary<string, string[]> { ["DOMAIN"] = ["CREATE_SPARK_JOB"] } });
        return await Platform.LoginAsync(username, UserPassword);
    }

    /// <summary>Reads the workflow run until <paramref name="done"/> holds (30 s at most).</summary>
    public async Task<WorkflowRun> WaitForRunAsync(string runId, Func<WorkflowRun, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        WorkflowRun? run;
        do
        {
            run = await Runs.GetAsync(runId, CancellationToken.None);
            if (run is not null && done(run))
            {
                return run;
            }
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"Run {runId} never reached the expected state; last: {run}");
        return run!;
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
