using System.Net;
using System.Text;
using System.Text.Json;
using Iomete.Functions.Sql.SparkConnect.Protocol;
using Iomete.Functions.Sql.Tests.Support;
using static Iomete.Functions.Sql.Tests.Support.SqlFixture;

namespace Iomete.Functions.Sql.Tests.SparkConnect;

/// <summary>Queries on a Spark cluster, through the SQL service's HTTP API, against the stand-in Spark Connect server.</summary>
public sealed class SparkConnectQueryContractTests(SparkConnectFixture fixture) : IClassFixture<SparkConnectFixture>
{
    private const string TypedQuery =
        """
        SELECT i::INTEGER AS id, i::BIGINT * 1000000000000 AS big, i * 1.5::DOUBLE AS dbl, (i / 4)::DECIMAL(10,2) AS dec,
               'row ' || i AS txt, i % 2 = 0 AS flag, DATE '2024-01-01' + i::INTEGER AS d,
               TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_seconds(i) AS ts, CASE WHEN i % 3 = 0 THEN NULL ELSE i::INTEGER END AS maybe
        FROM range(25) t(i) ORDER BY i
        """;

    [Fact]
    public async Task Query_StreamsSeveralArrowBatches_IntoTheStoredResultWithSparkTypes()
    {
        var done = await fixture.RunAsync(TypedQuery);

        Assert.True(done.Str("status") == "COMPLETED", done.GetRawText());
        Assert.Equal("QUERY", done.Str("statementKind"));
        Assert.Equal(25, done.GetProperty("resultRowCount").GetInt64());
        var execution = Assert.Single(fixture.ExecutionsOf(done.Str("id")));
        Assert.Equal(3, execution.BatchesSent);
        var page = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{done.Str("id")}/results?offset=0&limit=100");
        Assert.Equal(["INT", "BIGINT", "DOUBLE", "DECIMAL(10,2)", "STRING", "BOOLEAN", "DATE", "TIMESTAMP", "INT"],
            page.GetProperty("columns").EnumerateArray().Select(c => c.Str("type")));
        var rows = page.GetProperty("rows");
        Assert.Equal(25, rows.GetArrayLength());
        var row = rows[1];
        Assert.Equal(1, row[0].GetInt32());
        Assert.Equal(1_000_000_000_000, row[1].GetInt64());
        Assert.Equal(1.5, row[2].GetDouble());
        Assert.Equal(0.25m, row[3].GetDecimal());
        Assert.Equal("row 1", row[4].GetString());
        Assert.False(row[5].GetBoolean());
        Assert.Equal("2024-01-02", row[6].GetString());
        Assert.Equal("2024-01-01T00:00:01Z", row[7].GetString());
        Assert.Equal(1, row[8].GetInt32());
        Assert.Equal(JsonValueKind.Null, rows[3][8].ValueKind);
        Assert.Equal(24, rows[24][0].GetInt32());
    }

    [Fact]
    public async Task Query_Downloads_HaveEveryRowOfEveryBatch()
    {
        var done = await fixture.RunAsync(TypedQuery);

        var response = await fixture.Admin.GetAsync($"{QueriesUrl}/{done.Str("id")}/results/download?format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(26, lines.Length);
        Assert.Equal("id,big,dbl,dec,txt,flag,d,ts,maybe", lines[0]);
        Assert.Equal("1,1000000000000,1.5,0.25,row 1,false,2024-01-02,2024-01-01T00:00:01Z,1", lines[2]);
        Assert.Equal("3,3000000000000,4.5,0.75,row 3,false,2024-01-04,2024-01-01T00:00:03Z,", lines[4]);
        Assert.StartsWith("24,", lines[25], StringComparison.Ordinal);
        var parquet = await fixture.Admin.GetAsync($"{QueriesUrl}/{done.Str("id")}/results/download?format=parquet");
        Assert.Equal(HttpStatusCode.OK, parquet.StatusCode);
        Assert.Equal("PAR1"u8.ToArray(), (await parquet.Content.ReadAsByteArrayAsync())[..4]);
        var jsonl = await fixture.Admin.GetStringAsync($"{QueriesUrl}/{done.Str("id")}/results/download?format=jsonl");
        Assert.Equal(25, jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Query_SendsSessionUserContextOperationIdAndSqlRelation_WithTheClusterTokenNotTheUsers()
    {
        var done = await fixture.RunAsync("SELECT 42 AS answer");

        Assert.Equal("COMPLETED", done.Str("status"));
        var request = Assert.Single(fixture.ExecutionsOf(done.Str("id")));
        Assert.True(Guid.TryParse(request.Request.SessionId, out _));
        Assert.True(Guid.TryParse(request.Request.OperationId, out _));
        Assert.Equal(done.Str("userId"), request.Request.UserContext.UserId);
        Assert.Equal("admin", request.Request.UserContext.UserName);
        Assert.Equal("iomete-sql-service", request.Request.ClientType);
        Assert.Equal(Plan.OpTypeOneofCase.Root, request.Request.Plan.OpTypeCase);
        Assert.Equal("SELECT 42 AS answer", request.Request.Plan.Root.Sql.Query);
        Assert.Equal($"Bearer {SparkConnectFixture.ClusterToken}", request.Authorization);
        Assert.Contains(fixture.Spark.Service.Releases, r => r.SessionId == request.Request.SessionId);
        var lookup = fixture.Directory.Lookups.Last(l => l.Cluster == "spark-a");
        Assert.Equal(Domain, lookup.Domain);
        Assert.Equal(fixture.Admin.DefaultRequestHeaders.Authorization!.ToString(), lookup.Authorization);
    }

    [Fact]
    public async Task Query_WithALimit_KeepsThatManyRowsAndInterruptsTheRest()
    {
        var done = await fixture.RunAsync("SELECT i FROM range(25) t(i) ORDER BY i", extra: new { limit = 7 });

        Assert.Equal("COMPLETED", done.Str("status"));
        Assert.Equal(7, done.GetProperty("resultRowCount").GetInt64());
        Assert.True(done.GetProperty("truncated").GetBoolean());
        var operation = Assert.Single(fixture.Spark.Service.Started, r => r.Tags.Contains($"iomete-query-{done.Str("id")}")).OperationId;
        Assert.Contains(fixture.Spark.Service.Interrupts, i => i.OperationId == operation);
        var page = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{done.Str("id")}/results?offset=0&limit=100");
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], page.GetProperty("rows").EnumerateArray().Select(r => r[0].GetInt32()));
    }

    [Fact]
    public async Task NullListAndStructColumns_AreKeptAsTextWithSparkTypeNames()
    {
        var done = await fixture.RunAsync(FakeSparkEngine.Nested);

        Assert.True(done.Str("status") == "COMPLETED", done.GetRawText());
        var page = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{done.Str("id")}/results");
        Assert.Equal(["VOID", "ARRAY", "STRUCT"], page.GetProperty("columns").EnumerateArray().Select(c => c.Str("type")));
        var rows = page.GetProperty("rows");
        Assert.Equal(JsonValueKind.Null, rows[0][0].ValueKind);
        Assert.Equal("[1,2]", rows[0][1].GetString());
        Assert.Equal("""{"x":3,"label":"a"}""", rows[0][2].GetString());
        Assert.Equal(JsonValueKind.Null, rows[1][1].ValueKind);
        Assert.Equal("""{"x":4,"label":null}""", rows[1][2].GetString());
    }

    [Fact]
    public async Task SyntaxError_FailsTheQueryWithTheServersMessage()
    {
        var done = await fixture.RunAsync("SELEC 1");

        Assert.Equal("FAILED", done.Str("status"));
        var error = done.GetProperty("error");
        Assert.Equal("SQL_SYNTAX_ERROR", error.Str("code"));
        Assert.StartsWith("[PARSE_SYNTAX_ERROR] Parser Error: syntax error at or near \"SELEC\"", error.Str("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingTable_FailsWithObjectNotFound()
    {
        var done = await fixture.RunAsync("SELECT * FROM no_such_table");

        Assert.Equal("FAILED", done.Str("status"));
        Assert.Equal("SQL_OBJECT_NOT_FOUND", done.GetProperty("error").Str("code"));
        Assert.Contains("no_such_table", done.GetProperty("error").Str("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_SendsAnInterruptForTheRunningOperation_AndTheQueryIsCancelled()
    {
        var submitted = await fixture.Admin.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, QueriesUrl,
            new { query = FakeSparkEngine.Slow, computeCluster = "spark-a" });
        var id = submitted.Str("id");
        var tag = $"iomete-query-{id}";
        var deadline = DateTime.UtcNow.AddSeconds(20);
        ExecutePlanRequest? started;
        while ((started = fixture.Spark.Service.Started.FirstOrDefault(r => r.Tags.Contains(tag))) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.NotNull(started);

        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{QueriesUrl}/{id}/cancel");

        var final = await PollAsync(fixture.Admin, id, TimeSpan.FromSeconds(20), "CANCELLED", "FAILED", "COMPLETED");
        Assert.Equal("CANCELLED", final.Str("status"));
        var interrupt = Assert.Single(fixture.Spark.Service.Interrupts, i => i.OperationId == started.OperationId);
        Assert.Equal(InterruptRequest.Types.InterruptType.OperationId, interrupt.InterruptType);
        Assert.Equal(started.SessionId, interrupt.SessionId);
        Assert.Equal(started.UserContext.UserId, interrupt.UserContext.UserId);
    }

    [Fact]
    public async Task StoppedCluster_IsRefusedAtSubmitWith409ComputeNotActive()
    {
        var (status, body) = await fixture.Admin.SendAsync(HttpMethod.Post, QueriesUrl, new { query = "SELECT 1", computeCluster = "spark-stopped" });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("COMPUTE_NOT_ACTIVE", body.Str("errorCode"));
        Assert.Contains("'spark-stopped' is STOPPED: start it first", body.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClusterWithoutConsume_Returns403WithTheClusterServicesReason()
    {
        var (status, body) = await fixture.Admin.SendAsync(HttpMethod.Post, QueriesUrl, new { query = "SELECT 1", computeCluster = "spark-secret" });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("You lack the CONSUME permission on compute 'spark-secret'.", body.Str("detail"));
    }

    [Fact]
    public async Task UnknownCluster_Returns404()
    {
        var (status, body) = await fixture.Admin.SendAsync(HttpMethod.Post, QueriesUrl, new { query = "SELECT 1", computeCluster = "no-such-cluster" });

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("no-such-cluster", body.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableCluster_FailsTheQueryWithComputeUnavailable()
    {
        var done = await fixture.RunAsync("SELECT 1", cluster: "spark-gone");

        Assert.Equal("FAILED", done.Str("status"));
        Assert.Equal("COMPUTE_UNAVAILABLE", done.GetProperty("error").Str("code"));
    }

    [Fact]
    public async Task LocalKindCluster_RunsOnTheEmbeddedEngine_NotOnSpark()
    {
        var done = await fixture.RunAsync("SELECT 7 AS seven", cluster: "engine");

        Assert.Contains(done.Str("status"), new[] { "COMPLETED", "FAILED" });
        Assert.DoesNotContain(fixture.Spark.Service.Started, r => r.Tags.Contains($"iomete-query-{done.Str("id")}"));
    }
}
