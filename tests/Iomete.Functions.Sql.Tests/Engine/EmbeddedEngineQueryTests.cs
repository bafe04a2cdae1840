using System.Net;
using Iomete.Functions.Sql.Tests.Support;
using Iomete.Testing.Tpch;

namespace Iomete.Functions.Sql.Tests.Engine;

/// <summary>The SQL editor's path end to end: statements through the SQL service, run by the embedded engine on Iceberg tables.</summary>
public sealed class EmbeddedEngineQueryTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static string Database() => "sales_" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task CreateInsertSelect_ThroughTheSqlService_CompletesWithRowsAndKinds()
    {
        var db = Database();
        Assert.Equal("COMPLETED", (await fixture.RunAsync($"CREATE DATABASE {db}")).Str("status"));
        Assert.Equal("COMPLETED", (await fixture.RunAsync("CREATE TABLE orders (id BIGINT, amount DECIMAL(10,2), day DATE) PARTITIONED BY (day)", db)).Str("status"));
        var insert = await fixture.RunAsync("INSERT INTO orders VALUES (1, 9.99, DATE '2026-11-27'), (2, 20.00, DATE '2026-11-28')", db);
        Assert.Equal("COMPLETED", insert.Str("status"));

        var rows = await fixture.QueryAsync("SELECT id, amount, day FROM orders ORDER BY id", db);
        Assert.Equal(["id", "amount", "day"], rows.Columns);
        Assert.Equal(2, rows.Rows.Count);
        Assert.Equal(9.99m, rows.Rows[0][1]);
        Assert.Equal(new DateOnly(2026, 11, 28), rows.Rows[1][2]);

        var qualified = await fixture.QueryAsync($"SELECT count(*) AS n FROM {EngineFixture.Catalog}.{db}.orders");
        Assert.Equal(2m, qualified.Rows[0][0]);
    }

    [Theory]
    [InlineData("SELECT * FORM t", "SQL_SYNTAX_ERROR")]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')", "SQL_NOT_ALLOWED")]
    [InlineData("SELECT * FROM no_such_table", "SQL_OBJECT_NOT_FOUND")]
    [InlineData("SET threads = 1", "SQL_NOT_ALLOWED")]
    public async Task BadStatements_FailWithAClearCode(string sql, string code)
    {
        var db = Database();
        await fixture.RunAsync($"CREATE DATABASE {db}");
        var failed = await fixture.RunAsync(sql, db);
        Assert.Equal("FAILED", failed.Str("status"));
        Assert.Contains(code, failed.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALongQuery_IsCancelledWithinASecond()
    {
        var submitted = await fixture.Admin.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, SqlFixture.QueriesUrl,
            new { query = "SELECT count(*) FROM range(100000000000) a", computeCluster = "local" });
        var id = submitted.Str("id");
        await SqlFixture.PollAsync(fixture.Admin, id, TimeSpan.FromSeconds(10), "RUNNING");
        var asked = DateTime.UtcNow;
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{SqlFixture.QueriesUrl}/{id}/cancel");
        var done = await SqlFixture.PollAsync(fixture.Admin, id, TimeSpan.FromSeconds(10), "CANCELLED", "FAILED", "COMPLETED");
        Assert.Equal("CANCELLED", done.Str("status"));
        Assert.True(DateTime.UtcNow - asked < TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Tpch_TheTwentyTwoQueries_MatchDuckDbOnTheSameParquetFiles()
    {
        const double scale = 0.01;
        var db = "tpch_" + Guid.NewGuid().ToString("N")[..6];
        await fixture.RunAsync($"CREATE DATABASE {db}");
        foreach (var statement in TpchGenerator.CreateTableStatements(scale, ""))
        {
            var created = await fixture.RunAsync(statement, db);
            Assert.True(created.Str("status") == "COMPLETED", created.GetRawText());
        }
        await using var direct = await TpchParquet.OpenDirectAsync(fixture.Platform, EngineFixture.Catalog, db);
        for (var n = 1; n <= TpchQueries.Count; n++)
        {
            var ours = await fixture.QueryAsync(TpchQueries.Get(n, "", scale), db);
            var theirs = await ResultSet.QueryAsync(direct.Connection, TpchQueries.Get(n, "", scale), CancellationToken.None);
            var differences = TpchResults.Compare(theirs, ours, TpchQueries.IsOrderSensitive(n));
            Assert.True(differences.Count == 0, $"Q{n}: " + string.Join("; ", differences));
        }
    }
}
