using System.Net;
using Iomete.Functions.Sql.SparkConnect.Protocol;
using Iomete.Functions.Sql.Tests.Support;
using static Iomete.Functions.Sql.Tests.Support.SqlFixture;

namespace Iomete.Functions.Sql.Tests.SparkConnect;

/// <summary>Commands (DDL, DML, SHOW, USE) on a Spark cluster: sent as SQL commands, their result relation run for rows.</summary>
public sealed class SparkConnectCommandContractTests(SparkConnectFixture fixture) : IClassFixture<SparkConnectFixture>
{
    [Fact]
    public async Task CreateInsertShow_RunAsCommands_AndShowReturnsTheRowsOfItsLocalRelation()
    {
        var table = "spark_t_" + Guid.NewGuid().ToString("N")[..8];

        var create = await fixture.RunAsync($"CREATE TABLE {table} (id INTEGER, name VARCHAR)");
        Assert.True(create.Str("status") == "COMPLETED", create.GetRawText());
        Assert.Equal("CREATE_TABLE", create.Str("statementKind"));
        Assert.False(create.TryGetProperty("resultRowCount", out var rows) && rows.ValueKind != System.Text.Json.JsonValueKind.Null);
        var calls = fixture.ExecutionsOf(create.Str("id"));
        Assert.Equal(2, calls.Count);
        Assert.Equal($"CREATE TABLE {table} (id INTEGER, name VARCHAR)", calls[0].Request.Plan.Command.SqlCommand.Sql);
        Assert.Equal(Relation.RelTypeOneofCase.LocalRelation, calls[1].Request.Plan.Root.RelTypeCase);
        Assert.Equal(calls[0].Request.SessionId, calls[1].Request.SessionId);
        Assert.NotEqual(calls[0].Request.OperationId, calls[1].Request.OperationId);

        var insert = await fixture.RunAsync($"INSERT INTO {table} VALUES (1, 'a'), (2, 'b')");
        Assert.Equal("COMPLETED", insert.Str("status"));
        Assert.Equal("INSERT", insert.Str("statementKind"));

        var show = await fixture.RunAsync("SHOW TABLES");
        Assert.True(show.Str("status") == "COMPLETED", show.GetRawText());
        Assert.Equal("SHOW", show.Str("statementKind"));
        var showCalls = fixture.ExecutionsOf(show.Str("id"));
        Assert.Equal("SHOW TABLES", showCalls[0].Request.Plan.Command.SqlCommand.Sql);
        Assert.True(showCalls[1].Request.Plan.Root.LocalRelation.HasData);
        var page = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{show.Str("id")}/results");
        Assert.Contains(page.GetProperty("rows").EnumerateArray(), r => r[0].GetString() == table);

        var select = await fixture.RunAsync($"SELECT name FROM {table} ORDER BY id");
        var selected = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{select.Str("id")}/results");
        Assert.Equal(["a", "b"], selected.GetProperty("rows").EnumerateArray().Select(r => r[0].GetString()));
    }

    [Fact]
    public async Task Use_AnswersNoResultRelation_AndCompletesWithoutAResult()
    {
        var done = await fixture.RunAsync("USE memory.main");

        Assert.True(done.Str("status") == "COMPLETED", done.GetRawText());
        Assert.Equal("USE", done.Str("statementKind"));
        var call = Assert.Single(fixture.ExecutionsOf(done.Str("id")));
        Assert.Equal(Plan.OpTypeOneofCase.Command, call.Request.Plan.OpTypeCase);
        Assert.Equal(0, call.BatchesSent);
    }

    [Fact]
    public async Task CatalogAndDatabase_AreSetWithUseInTheSameSessionFirst()
    {
        var done = await fixture.RunAsync("SELECT 1 AS one", extra: new { catalog = "memory", database = "main" });

        Assert.True(done.Str("status") == "COMPLETED", done.GetRawText());
        var calls = fixture.ExecutionsOf(done.Str("id"));
        Assert.Equal(2, calls.Count);
        Assert.Equal("USE `memory`.`main`", calls[0].Request.Plan.Command.SqlCommand.Sql);
        Assert.Equal("SELECT 1 AS one", calls[1].Request.Plan.Root.Sql.Query);
        Assert.Equal(calls[0].Request.SessionId, calls[1].Request.SessionId);
    }
}
