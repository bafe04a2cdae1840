using System.Net;
using System.Text.Json;

namespace Iomete.Functions.Clusters.Tests.Jobs;

/// <summary>SQL jobs on a platform without a data plane: the script runs statement by statement on the embedded engine, as the run-as user.</summary>
public sealed class SqlJobTests(NoDataPlaneJobsFixture fixture) : IClassFixture<NoDataPlaneJobsFixture>
{
    private const string Console = JobsFixture.Console;
    private const string Queries = $"/api/v1/domains/{JobsFixture.Domain}/sql/queries";

    private async Task<string> DatabaseAsync()
    {
        var db = "jobs_" + Guid.NewGuid().ToString("N")[..8];
        var created = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Queries}?wait=30",
            new { query = $"CREATE DATABASE {db}", computeCluster = "local", catalog = "spark_catalog" });
        Assert.Equal("COMPLETED", created.Str("status"));
        return db;
    }

    private Task<JsonElement> QueryAsync(string sql, string db) =>
        fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Queries}?wait=30",
            new { query = sql, computeCluster = "local", catalog = "spark_catalog", database = db });

    private Dictionary<string, object?> SqlBody(string script, string db, Dictionary<string, object?>? extra = null) =>
        fixture.Body(template: new()
        {
            ["applicationType"] = "sql",
            ["mainApplicationFile"] = null,
            ["sqlScript"] = script,
            ["catalog"] = "spark_catalog",
            ["database"] = db,
        }, extra: extra);

    [Fact]
    public async Task ThreeStatementScript_RunsInOrder_AsTheRunAsUser_AndCompletes()
    {
        var db = await DatabaseAsync();
        var script = """
            CREATE TABLE orders (id BIGINT, note VARCHAR); -- the table; a comment with a semicolon
            INSERT INTO orders VALUES (1, 'a;b'), (2, 'c');
            /* count them; */ SELECT count(*) AS n FROM orders
            """;
        var job = await fixture.CreateAsync(SqlBody(script, db));
        Assert.Equal("local", job.GetProperty("template").Str("computeCluster"));
        var run = await fixture.RunAsync(job.Str("id"));
        var done = await fixture.WaitForRunAsync(job.Str("id"), run.Str("id"), r => r.Str("status") is "COMPLETED" or "FAILED" or "ABORTED");
        Assert.True(done.Str("status") == "COMPLETED", done.GetRawText());

        var logs = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Console}/{job.Str("id")}/runs/{run.Str("id")}/logs");
        var text = logs.Str("logs");
        Assert.Contains("statement 1/3: COMPLETED", text);
        Assert.Contains("statement 3/3: COMPLETED", text);
        var queryIds = text.Split('\n').Where(l => l.Contains(" started", StringComparison.Ordinal)).Select(l => l.Split(' ')[3]).ToList();
        Assert.Equal(3, queryIds.Count);
        foreach (var queryId in queryIds)
        {
            var query = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Queries}/{queryId}");
            Assert.Equal(fixture.AdminId, query.Str("userId"));
            Assert.Equal("COMPLETED", query.Str("status"));
        }
        var count = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Queries}/{queryIds[2]}/results");
        Assert.Equal(2, count.GetProperty("rows")[0][0].GetInt64());
        Assert.Equal(["ENQUEUED", "RUNNING", "COMPLETED"], fixture.Events.RunChanges(run.Str("id")).Select(c => c.Status));
    }

    [Fact]
    public async Task AFailingStatement_FailsTheRunWithItsError_AndTheRestDoesNotRun()
    {
        var db = await DatabaseAsync();
        var job = await fixture.CreateAsync(SqlBody("CREATE TABLE t1 (x INT); SELECT * FROM no_such_table; CREATE TABLE t2 (x INT)", db));
        var run = await fixture.RunAsync(job.Str("id"));
        var failed = await fixture.WaitForRunAsync(job.Str("id"), run.Str("id"), r => r.Str("status") is "COMPLETED" or "FAILED");
        Assert.Equal("FAILED", failed.Str("status"));
        Assert.StartsWith("statement 2/3 failed:", failed.Str("driverErrorMessage"));
        Assert.Equal("COMPLETED", (await QueryAsync("SELECT count(*) FROM t1", db)).Str("status"));
        Assert.Equal("FAILED", (await QueryAsync("SELECT count(*) FROM t2", db)).Str("status"));
    }

    [Fact]
    public async Task ARunAsUserWithoutRights_RunsAsThatUser_AndFails()
    {
        var db = await DatabaseAsync();
        var (userId, client) = await fixture.UserAsync("runas");
        client.Dispose();
        var job = await fixture.CreateAsync(SqlBody("CREATE TABLE secret_copy (x INT)", db, new() { ["jobUser"] = userId }));
        Assert.Equal(userId, job.Str("jobUser"));
        var run = await fixture.RunAsync(job.Str("id"));
        Assert.Equal(userId, run.Str("runAsUser"));
        var failed = await fixture.WaitForRunAsync(job.Str("id"), run.Str("id"), r => r.Str("status") is "COMPLETED" or "FAILED");
        Assert.Equal("FAILED", failed.Str("status"));
        Assert.Contains("403", failed.Str("driverErrorMessage"));
    }

    private async Task<(string JobId, string RunId, string QueryId)> StartLongRunAsync(Dictionary<string, object?>? template = null)
    {
        var body = SqlBody("SELECT count(*) FROM range(10000000000000); CREATE TABLE never (x INT)", await DatabaseAsync());
        foreach (var (key, value) in template ?? [])
        {
            ((Dictionary<string, object?>)body["template"]!)[key] = value;
        }
        var job = await fixture.CreateAsync(body);
        var run = await fixture.RunAsync(job.Str("id"));
        var started = await fixture.WaitForRunAsync(job.Str("id"), run.Str("id"), r => QueryIdOf(r) is not null || r.Str("status") is "COMPLETED" or "FAILED" or "ABORTED");
        var queryId = QueryIdOf(started) ?? throw new InvalidOperationException($"The run did not start its statement: {started}");
        return (job.Str("id"), run.Str("id"), queryId);
    }

    private string? QueryIdOf(JsonElement run)
    {
        var logs = fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Console}/{run.Str("jobId")}/runs/{run.Str("id")}/logs").GetAwaiter().GetResult();
        return logs.Str("logs").Split('\n').FirstOrDefault(l => l.Contains(" started", StringComparison.Ordinal))?.Split(' ')[3];
    }

    private async Task<JsonElement> WaitForQueryAsync(string queryId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonElement query;
        do
        {
            query = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Queries}/{queryId}");
            if (query.Str("status") == status)
            {
                return query;
            }
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"Query {queryId} never became {status}: {query}");
        return query;
    }

    [Fact]
    public async Task CancellingASqlRun_StopsTheRunningStatement_AndTheRestDoesNotRun()
    {
        var (jobId, runId, queryId) = await StartLongRunAsync();
        var aborted = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"{JobsFixture.Sdk}/{jobId}/runs/{runId}");
        Assert.Equal(("ABORTED", "USER"), (aborted.Str("status"), aborted.Str("reason")));
        await WaitForQueryAsync(queryId, "CANCELLED");
        await Task.Delay(300);
        var final = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Console}/{jobId}/runs/{runId}");
        Assert.Equal("ABORTED", final.Str("status"));
        Assert.DoesNotContain("statement 2/2", (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Console}/{jobId}/runs/{runId}/logs")).Str("logs"));
    }

    [Fact]
    public async Task ASqlRunPastItsLimit_IsAbortedWithExecutionTimeout_AndItsStatementCancelled()
    {
        // The limit counts from the run's start: long enough that a busy CI machine starts the statement within it.
        var (jobId, runId, queryId) = await StartLongRunAsync(new() { ["maxExecutionDurationSeconds"] = 10 });
        var aborted = await fixture.WaitForStatusAsync(jobId, runId, "ABORTED");
        Assert.Equal("EXECUTION_TIMEOUT", aborted.Str("reason"));
        await WaitForQueryAsync(queryId, "CANCELLED");
    }

    [Fact]
    public async Task WithoutADataPlane_SparkJobsAreDefined_ButTheirRunsAnswer409()
    {
        var job = await fixture.CreateAsync(fixture.Body());
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "DATA_PLANE_NOT_CONFIGURED", HttpMethod.Post, $"{Console}/{job.Str("id")}/runs", new { });
        var runs = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Console}/{job.Str("id")}/runs");
        Assert.Equal(0, runs.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task SqlJobs_TakeOnlyTagOverrides()
    {
        var job = await fixture.CreateAsync(SqlBody("SELECT 1", await DatabaseAsync()));
        var problem = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post,
            $"{Console}/{job.Str("id")}/runs", new { arguments = new[] { "x" } });
        Assert.Contains("arguments", problem.ErrorFields());
    }

    [Fact]
    public async Task InternalCalls_MayActForAnActiveUser_OnlyWithTheInternalToken()
    {
        var (userId, client) = await fixture.UserAsync("impersonated");
        using var anonymous = fixture.Platform.Anonymous();
        var asUser = await anonymous.SendRawAsync(HttpMethod.Get, "/api/v2/user", headers: new Dictionary<string, string>
        {
            ["dapr-api-token"] = fixture.AppToken,
            ["X-Iomete-Run-As"] = userId,
        });
        Assert.True(asUser.Status == HttpStatusCode.OK, asUser.Text);
        Assert.Equal(userId, JsonDocument.Parse(asUser.Text).RootElement.Str("id"));

        var unknown = await anonymous.SendRawAsync(HttpMethod.Get, "/api/v2/user", headers: new Dictionary<string, string>
        {
            ["dapr-api-token"] = fixture.AppToken,
            ["X-Iomete-Run-As"] = Guid.NewGuid().ToString(),
        });
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);

        var badToken = await anonymous.SendRawAsync(HttpMethod.Get, "/api/v2/user", headers: new Dictionary<string, string>
        {
            ["dapr-api-token"] = "not-the-token",
            ["X-Iomete-Run-As"] = userId,
        });
        Assert.Equal(HttpStatusCode.Unauthorized, badToken.Status);

        // Without the internal token the header means nothing: the admin stays the admin.
        var ignored = await fixture.Admin.SendRawAsync(HttpMethod.Get, "/api/v2/user", headers: new Dictionary<string, string> { ["X-Iomete-Run-As"] = userId });
        Assert.Equal(fixture.AdminId, JsonDocument.Parse(ignored.Text).RootElement.Str("id"));
        client.Dispose();
    }
}
