using System.Net;
using Iomete.Functions.Sql.Tests.Support;
using Iomete.Testing;
using static Iomete.Functions.Sql.Tests.Support.SqlFixture;

namespace Iomete.Functions.Sql.Tests.Queries;

/// <summary>Submitting, waiting, polling, failing and cancelling queries on the stand-in DuckDB engine, on each metadata engine.</summary>
public abstract class QueryLifecycleTests<TFixture>(TFixture fixture)
    where TFixture : SqlFixture
{
    [ServiceFact]
    public async Task SubmitWithWait_OnStandInEngine_Returns200WithTheCompletedQuery()
    {
        var done = await RunAsync(fixture.Admin, "SELECT 42 AS answer, 'x' AS letter", new { catalog = "spark_catalog", database = "db1" });

        Assert.Equal("COMPLETED", done.Str("status"));
        Assert.Equal("QUERY", done.Str("statementKind"));
        Assert.Equal(1, done.GetProperty("resultRowCount").GetInt64());
        Assert.False(done.GetProperty("truncated").GetBoolean());
        Assert.Equal("local", done.Str("computeCluster"));
        Assert.Equal("spark_catalog", done.Str("catalog"));
        Assert.Equal("db1", done.Str("database"));
        var columns = done.GetProperty("columns").EnumerateArray().Select(c => (c.Str("name"), c.Str("type"))).ToList();
        Assert.Equal([("answer", "INTEGER"), ("letter", "VARCHAR")], columns);
        Assert.True(done.GetProperty("durationMs").GetInt64() >= 0);
        Assert.True(done.TryGetProperty("finishedAt", out _));
    }

    [ServiceFact]
    public async Task SubmitWithoutWait_Returns202_AndPollingReachesCompleted()
    {
        var submitted = await fixture.Admin.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, QueriesUrl,
            new { query = "SELECT sum(i) AS total FROM range(1000) t(i)", computeCluster = "local" });
        var id = submitted.Str("id");
        Assert.Contains(submitted.Str("status"), new[] { "SUBMITTED", "RUNNING", "COMPLETED" });

        var done = await PollAsync(fixture.Admin, id, TimeSpan.FromSeconds(20), "COMPLETED", "FAILED");
        Assert.Equal("COMPLETED", done.Str("status"));
        var page = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{id}/results");
        Assert.Equal("499500", page.GetProperty("rows")[0][0].GetRawText().Trim('"'));
    }

    [ServiceFact]
    public async Task ALongQuery_IsInterruptedByCancel_AndEndsCancelled()
    {
        var submitted = await fixture.Admin.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, QueriesUrl,
            new { query = "SELECT count(*) FROM range(10000000000000)", computeCluster = "local" });
        var id = submitted.Str("id");
        await PollAsync(fixture.Admin, id, TimeSpan.FromSeconds(10), "RUNNING");

        var cancelled = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{QueriesUrl}/{id}/cancel");
        var final = cancelled.Str("status") == "CANCELLED" ? cancelled : await PollAsync(fixture.Admin, id, TimeSpan.FromSeconds(30), "CANCELLED");

        Assert.Equal("CANCELLED", final.Str("status"));
        await fixture.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"{QueriesUrl}/{id}/cancel");
        await fixture.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Get, $"{QueriesUrl}/{id}/results");
    }

    [ServiceFact]
    public async Task ASyntaxError_EndsFailed_WithDuckDbsMessage()
    {
        var done = await RunAsync(fixture.Admin, "SELEC 1");

        Assert.Equal("FAILED", done.Str("status"));
        var error = done.GetProperty("error");
        Assert.Equal("SQL_SYNTAX_ERROR", error.Str("code"));
        Assert.Contains("syntax error", error.Str("message"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("SELEC", error.Str("message"), StringComparison.Ordinal);
    }

    [ServiceFact]
    public async Task AMissingTable_EndsFailed_WithObjectNotFound()
    {
        var done = await RunAsync(fixture.Admin, "SELECT * FROM no_such_table");

        Assert.Equal("FAILED", done.Str("status"));
        Assert.Equal("SQL_OBJECT_NOT_FOUND", done.GetProperty("error").Str("code"));
    }

    [ServiceFact]
    public async Task Variables_AreReplaced_AndAMissingOrMalformedOneIs400BeforeAnythingRuns()
    {
        var done = await RunAsync(fixture.Admin, "SELECT {{ n }} + 1 AS v, '{{name}}' AS who",
            new { variables = new Dictionary<string, string> { ["n"] = "41", ["name"] = "ada" } });
        Assert.Equal("SELECT 41 + 1 AS v, 'ada' AS who", done.Str("query"));
        var page = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{done.Str("id")}/results");
        Assert.Equal(42, page.GetProperty("rows")[0][0].GetInt32());
        Assert.Equal("ada", page.GetProperty("rows")[0][1].GetString());

        var opened = fixture.Engine.Opened.Count;
        var missing = await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, QueriesUrl,
            new { query = "SELECT {{a}}, {{b}}", computeCluster = "local", variables = new Dictionary<string, string> { ["a"] = "1" } });
        Assert.Contains("b", missing.Str("detail"), StringComparison.Ordinal);
        await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, QueriesUrl, new { query = "SELECT {{a", computeCluster = "local" });
        await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, QueriesUrl, new { query = "SELECT {{1a}}", computeCluster = "local" });
        Assert.Equal(opened, fixture.Engine.Opened.Count);
    }

    [ServiceFact]
    public async Task BadSubmissions_AreRejected()
    {
        await fixture.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, QueriesUrl, new { query = "SELECT 1", computeCluster = "spark-1" });
        await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, QueriesUrl, new { computeCluster = "local" });
        await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, QueriesUrl, new { query = "  ", computeCluster = "local" });
        await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, $"{QueriesUrl}?wait=61", new { query = "SELECT 1", computeCluster = "local" });
        await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, QueriesUrl, new { query = "SELECT 1", computeCluster = "local", limit = 0 });
        await fixture.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"{QueriesUrl}/no-such-query");
    }

    [ServiceFact]
    public async Task Anonymous_Gets401_OnEveryQueryRoute()
    {
        using var anonymous = fixture.Platform.Anonymous();
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, QueriesUrl, new { query = "SELECT 1", computeCluster = "local" });
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, QueriesUrl);
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, $"{QueriesUrl}/x");
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, $"{QueriesUrl}/x/results");
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, $"{QueriesUrl}/x/cancel");
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, $"/api/v2/domains/{Domain}/compute");
    }

    [ServiceFact]
    public async Task TheCallersCredentials_ReachTheCatalogFactory()
    {
        await RunAsync(fixture.Admin, "SELECT 1");
        Assert.Contains(fixture.Catalogs.Credentials, c => c.TryGetValue("Authorization", out var value) && value.StartsWith("Bearer ", StringComparison.Ordinal));
    }

    [ServiceFact]
    public async Task ARowLimit_CapsTheStoredRows_AndMarksTheResultTruncated()
    {
        var done = await RunAsync(fixture.Admin, "SELECT i FROM range(50) t(i) ORDER BY i", new { limit = 5 });
        Assert.Equal(5, done.GetProperty("resultRowCount").GetInt64());
        Assert.True(done.GetProperty("truncated").GetBoolean());

        var exact = await RunAsync(fixture.Admin, "SELECT i FROM range(5) t(i)", new { limit = 5 });
        Assert.False(exact.GetProperty("truncated").GetBoolean());

        var page = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{done.Str("id")}/results?limit=100");
        Assert.Equal(5, page.GetProperty("total").GetInt64());
        Assert.True(page.GetProperty("truncated").GetBoolean());
        Assert.Equal([0L, 1, 2, 3, 4], page.GetProperty("rows").EnumerateArray().Select(r => r[0].GetInt64()));
    }

    [ServiceFact]
    public async Task ResultPages_ReturnTheAskedWindow()
    {
        var done = await RunAsync(fixture.Admin, "SELECT i AS id, 'row ' || i AS label FROM range(25) t(i) ORDER BY i");
        var id = done.Str("id");

        var page = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{id}/results?offset=10&limit=10");
        Assert.Equal(25, page.GetProperty("total").GetInt64());
        Assert.Equal(10, page.GetProperty("offset").GetInt64());
        Assert.Equal(10, page.GetProperty("limit").GetInt32());
        Assert.Equal(Enumerable.Range(10, 10).Select(i => (long)i), page.GetProperty("rows").EnumerateArray().Select(r => r[0].GetInt64()));
        Assert.Equal("row 19", page.GetProperty("rows")[9][1].GetString());

        var tail = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{id}/results?offset=20&limit=100");
        Assert.Equal(5, tail.GetProperty("rows").GetArrayLength());
        var beyond = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{id}/results?offset=100");
        Assert.Equal(0, beyond.GetProperty("rows").GetArrayLength());
        await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, $"{QueriesUrl}/{id}/results?limit=10001");
    }

    [ServiceFact]
    public async Task AStatementWithoutRows_CompletesWithRowsAffected_AndAnEmptyResult()
    {
        var done = await RunAsync(fixture.Admin, "CREATE TABLE t AS SELECT 1 AS x");
        Assert.Equal("COMPLETED", done.Str("status"));
        var page = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{done.Str("id")}/results");
        Assert.Equal(0, page.GetProperty("total").GetInt64());
        Assert.Equal(0, page.GetProperty("rows").GetArrayLength());
    }

    [ServiceFact]
    public async Task History_FiltersByStatusTextComputeAndTime_AndPages()
    {
        var (_, _, user) = await fixture.UserAsync("hist", "DOMAIN_MANAGER");
        using var client = user;
        var marker = "m" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 3; i++)
        {
            await RunAsync(client, $"SELECT {i} AS {marker}");
        }
        await RunAsync(client, $"SELEC {marker}");

        var all = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, QueriesUrl);
        Assert.Equal(4, all.GetProperty("total").GetInt64());
        var submitted = all.GetProperty("items").EnumerateArray().Select(q => q.GetProperty("submittedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(submitted.OrderByDescending(s => s), submitted);

        var failed = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}?status=FAILED");
        Assert.Equal(1, failed.GetProperty("total").GetInt64());
        var twoStatuses = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}?status=failed,COMPLETED");
        Assert.Equal(4, twoStatuses.GetProperty("total").GetInt64());
        var searched = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}?search=SELECT%201%20AS");
        Assert.Equal(1, searched.GetProperty("total").GetInt64());
        var otherCompute = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}?computeCluster=spark-1");
        Assert.Equal(0, otherCompute.GetProperty("total").GetInt64());
        var future = DateTimeOffset.UtcNow.AddMinutes(5).ToString("O");
        var later = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}?from={Uri.EscapeDataString(future)}");
        Assert.Equal(0, later.GetProperty("total").GetInt64());
        var past = DateTimeOffset.UtcNow.AddHours(-3).ToString("O");
        var before = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}?from={Uri.EscapeDataString(past)}&to={Uri.EscapeDataString(past)}");
        Assert.Equal(0, before.GetProperty("total").GetInt64());

        var page = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}?offset=1&limit=2&sort=submittedAt");
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.Equal(4, page.GetProperty("total").GetInt64());
        Assert.Equal(submitted[2], page.GetProperty("items")[0].GetProperty("submittedAt").GetDateTimeOffset());

        await client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, $"{QueriesUrl}?status=DONE");
        await client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, $"{QueriesUrl}?from=yesterday");
        await client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, $"{QueriesUrl}?limit=1001");
    }

    [ServiceFact]
    public async Task AnotherUsersQuery_IsHidden_ButDomainManagersSeeIt()
    {
        var done = await RunAsync(fixture.Admin, "SELECT 'secret' AS s");
        var id = done.Str("id");

        var (_, member, memberClient) = await fixture.UserAsync("member");
        using var memberHttp = memberClient;
        await memberHttp.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, $"{QueriesUrl}/{id}");
        await fixture.GrantDomainAsync(member, "EXPORT_SQL_EDITOR");
        await memberHttp.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"{QueriesUrl}/{id}");
        await memberHttp.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"{QueriesUrl}/{id}/results");
        await memberHttp.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"{QueriesUrl}/{id}/results/download");
        await memberHttp.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, $"{QueriesUrl}/{id}/cancel");
        await memberHttp.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, $"{QueriesUrl}?userId=*");
        var own = await memberHttp.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, QueriesUrl);
        Assert.DoesNotContain(own.GetProperty("items").EnumerateArray(), q => q.Str("id") == id);
        var mine = await RunAsync(memberHttp, "SELECT 1 AS mine");
        Assert.Equal("COMPLETED", mine.Str("status"));

        var (_, _, managerClient) = await fixture.UserAsync("manager", "DOMAIN_MANAGER");
        using var manager = managerClient;
        await manager.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{id}");
        var everyone = await manager.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}?userId=*&limit=1000");
        Assert.Contains(everyone.GetProperty("items").EnumerateArray(), q => q.Str("id") == id);
        Assert.Contains(everyone.GetProperty("items").EnumerateArray(), q => q.Str("id") == mine.Str("id"));
    }
}

public sealed class QueryLifecycleOnSqliteTests(SqlFixture fixture)
    : QueryLifecycleTests<SqlFixture>(fixture), IClassFixture<SqlFixture>;

[NeedsServices(TestService.Postgres)]
public sealed class QueryLifecycleOnPostgresTests(PostgresSqlFixture fixture)
    : QueryLifecycleTests<PostgresSqlFixture>(fixture), IClassFixture<PostgresSqlFixture>;
