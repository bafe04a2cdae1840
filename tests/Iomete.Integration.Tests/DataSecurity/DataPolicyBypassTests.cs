using System.Net;
using Iomete.Testing.Http;
using static Iomete.Integration.Tests.DataSecurity.SecuredLakehouseFixture;

namespace Iomete.Integration.Tests.DataSecurity;

/// <summary>
/// A curious analyst under a row filter, three masks and a denied column tries every route to the raw data: plain
/// reads, CTEs, subqueries, joins, unions, views, time travel, DESCRIBE, SHOW, the database explorer, result downloads,
/// direct file reads, writes and the Iceberg REST catalog itself. Each answers filtered, masked data or a refusal.
/// </summary>
public sealed class DataPolicyBypassTests(SecuredLakehouseFixture fixture) : IClassFixture<SecuredLakehouseFixture>
{
    private static readonly string[] Eu = ["1", "3"];

    [Fact]
    public async Task PlainReads_SeeOnlyFilteredRows_WithMaskedColumns_AndNoDeniedColumn()
    {
        var rows = await RowsAsync(fixture.Ana, "SELECT * FROM customers ORDER BY id");
        Assert.Equal(2, rows.Count);
        var first = rows[0].Split('|');
        Assert.Equal(5, first.Length); // id, name, ssn, email, region: salary is not part of the table for ana
        Assert.Equal("1", first[0]);
        Assert.Matches("^[0-9a-f]{64}$", first[1]);
        Assert.Equal("xxx-xx-6789", first[2]);
        Assert.Equal("a***", first[3]);
        Assert.Equal("eu", first[4]);

        // The admin (a super user) still sees everything.
        Assert.Equal(4, (await RowsAsync(fixture.Admin, "SELECT * FROM customers")).Count);
    }

    [Theory]
    [InlineData("WITH c AS (SELECT * FROM customers) SELECT id FROM c ORDER BY id")]
    [InlineData("SELECT id FROM (SELECT * FROM customers) AS s ORDER BY id")]
    [InlineData("SELECT id FROM all_customers ORDER BY id")]
    [InlineData("SELECT a.id FROM customers a JOIN customers b ON a.id = b.id ORDER BY a.id")]
    [InlineData("SELECT id FROM customers UNION SELECT id FROM customers ORDER BY id")]
    [InlineData("SELECT id FROM customers WHERE region = 'us' OR 1 = 1 ORDER BY id")]
    [InlineData("SELECT id FROM customers WHERE id IN (SELECT id FROM spark_catalog.sec.customers) ORDER BY id")]
    public async Task EveryWayToReachTheTable_IsFiltered(string sql) =>
        Assert.Equal(Eu, await RowsAsync(fixture.Ana, sql));

    [Fact]
    public async Task TimeTravel_IsFiltered_AndMasked()
    {
        var history = await RowsAsync(fixture.Admin, "DESCRIBE HISTORY customers");
        var first = history[^1].Split('|')[0];
        var rows = await RowsAsync(fixture.Ana, $"SELECT id, ssn FROM customers AT (VERSION => {first}) ORDER BY id");
        Assert.Equal(["1|xxx-xx-6789", "3|xxx-xx-3456"], rows);
    }

    [Fact]
    public async Task PredicatesSeeMaskedValues_NotTheRawOnes()
    {
        Assert.Empty(await RowsAsync(fixture.Ana, "SELECT id FROM customers WHERE ssn = '123-45-6789'"));
        Assert.Empty(await RowsAsync(fixture.Ana, "SELECT id FROM customers WHERE name = 'ann'"));
        Assert.Equal(["2"], await RowsAsync(fixture.Ana, "SELECT count(*) FROM customers"));
    }

    [Fact]
    public async Task DeniedColumnsAndTables_AreRefused_OrInvisible()
    {
        Assert.Contains("salary", await RefusedAsync(fixture.Ana, "SELECT salary FROM customers"), StringComparison.OrdinalIgnoreCase);
        await RefusedAsync(fixture.Ana, "SELECT * FROM payroll");
        await RefusedAsync(fixture.Ana, "SELECT (SELECT max(amount) FROM payroll) AS leak");
        var described = await RowsAsync(fixture.Ana, "DESCRIBE customers");
        Assert.DoesNotContain(described, r => r.StartsWith("salary|", StringComparison.Ordinal));
        var tables = await RowsAsync(fixture.Ana, "SHOW TABLES IN sec");
        Assert.DoesNotContain(tables, r => r.Contains("payroll", StringComparison.Ordinal));
        Assert.DoesNotContain("salary", string.Join('\n', await RowsAsync(fixture.Ana, "SHOW CREATE TABLE customers")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT * FROM read_parquet('**/*.parquet')")]
    [InlineData("SELECT * FROM glob('**')")]
    [InlineData("SELECT * FROM duckdb_tables()")]
    [InlineData("SELECT * FROM information_schema.columns")]
    [InlineData("COPY (SELECT 1) TO 'leak.csv'")]
    [InlineData("ATTACH 'x.db' AS x")]
    public async Task DirectFileAndEngineCatalogAccess_IsRefused(string sql) =>
        await RefusedAsync(fixture.Ana, sql);

    [Theory]
    [InlineData("INSERT INTO customers VALUES (9, 'eve', '000-00-0000', 'e@x', 'eu', 1)")]
    [InlineData("DELETE FROM customers WHERE region = 'us'")]
    [InlineData("UPDATE customers SET region = 'eu'")]
    [InlineData("DROP TABLE payroll")]
    [InlineData("CREATE TABLE sec.stolen AS SELECT * FROM customers")]
    public async Task Writes_NeedTheirAccessType_AndTheWholeTable(string sql)
    {
        await RefusedAsync(fixture.Ana, sql);
        Assert.Equal(["4"], await RowsAsync(fixture.Admin, "SELECT count(*) FROM customers"));
    }

    [Fact]
    public async Task ResultDownloads_AreMasked()
    {
        var query = await SqlAsync(fixture.Ana, "SELECT id, ssn FROM customers ORDER BY id");
        var (status, text, response) = await fixture.Ana.SendRawAsync(HttpMethod.Get, $"{QueriesUrl}/{query.Str("id")}/results/download?format=csv");
        response.Dispose();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("xxx-xx-6789", text, StringComparison.Ordinal);
        Assert.DoesNotContain("123-45-6789", text, StringComparison.Ordinal);
        Assert.DoesNotContain("987-65-4321", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDatabaseExplorer_ShowsOnlyWhatTheAnalystMaySee()
    {
        var tables = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v2/domains/default/sql/schema/catalogs/spark_catalog/namespaces/sec/tables");
        Assert.DoesNotContain("payroll", tables.GetRawText(), StringComparison.Ordinal);
        var detail = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v2/domains/default/sql/schema/catalogs/spark_catalog/namespaces/sec/tables/customers");
        Assert.DoesNotContain("salary", detail.GetProperty("columns").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheIcebergCatalog_RefusesRestrictedTablesToUntrustedClients_AndHidesDeniedOnes()
    {
        const string tables = "/catalogs/spark_catalog/v1/spark_catalog/namespaces/sec/tables";
        var (status, text, response) = await fixture.Ana.SendRawAsync(HttpMethod.Get, $"{tables}/customers");
        response.Dispose();
        Assert.True(status == HttpStatusCode.Forbidden, text);
        Assert.Contains("trusted engine", text, StringComparison.Ordinal);
        (status, text, response) = await fixture.Ana.SendRawAsync(HttpMethod.Get, $"{tables}/customers", headers: new Dictionary<string, string> { ["X-Iomete-Trusted-Engine"] = "guess" });
        response.Dispose();
        Assert.Equal(HttpStatusCode.Forbidden, status);
        (status, text, response) = await fixture.Ana.SendRawAsync(HttpMethod.Get, tables);
        response.Dispose();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("payroll", text, StringComparison.Ordinal);
        Assert.Contains("customers", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decisions_AreAudited_WithPolicyIds()
    {
        await RefusedAsync(fixture.Ana, "SELECT * FROM payroll");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var page = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/data-security/audit?user=ana&result=DENIED");
            var text = page.GetRawText();
            if (text.Contains("payroll", StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                Assert.Contains("payroll", text, StringComparison.Ordinal);
                Assert.Contains("policyId", text, StringComparison.Ordinal);
                return;
            }
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task TheAuditSystemTable_HoldsTheDecisions_AndIsClosedToTheAnalyst()
    {
        await RefusedAsync(fixture.Ana, "SELECT * FROM payroll");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var query = await SubmitAsync(fixture.Admin,
                "SELECT count(*) FROM spark_catalog.iomete_system_db.data_access_audit WHERE user_name = 'ana' AND access_result = 'DENIED' AND resource_path LIKE '%payroll%'");
            if (query.Str("status") == "COMPLETED")
            {
                var page = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{query.Str("id")}/results");
                if (page.GetProperty("rows")[0][0].ToString() != "0")
                {
                    break;
                }
            }
            Assert.True(DateTime.UtcNow < deadline, "the audit system table did not receive ana's denied read within 30 s: " + query.GetRawText());
            await Task.Delay(500);
        }
        await RefusedAsync(fixture.Ana, "SELECT * FROM spark_catalog.iomete_system_db.data_access_audit");
    }
}
