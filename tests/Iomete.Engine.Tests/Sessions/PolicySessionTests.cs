using Iomete.Engine.Catalogs;
using Iomete.Engine.Sessions;
using Iomete.Iceberg.Schemas;

namespace Iomete.Engine.Tests.Sessions;

/// <summary>The policy hook: every route to a table's rows goes through the relation the policy returns.</summary>
public sealed class PolicySessionTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    private sealed class EuOnlyMaskedNames(string table, string denied) : ITablePolicy
    {
        public ValueTask<TableAccess> ResolveAsync(TableIdent ident, Schema schema, CancellationToken ct) =>
            ValueTask.FromResult(ident.Name == denied ? TableAccess.Denied
                : ident.Name == table ? new TableAccess(true, "region = 'eu'", new Dictionary<string, string> { ["name"] = "'***'" })
                : TableAccess.Full);
    }

    private async Task<(ISqlSession Admin, ISqlSession Limited)> SetUpAsync()
    {
        var admin = await fixture.SessionAsync();
        await admin.RunAsync("CREATE TABLE customers AS SELECT * FROM (VALUES (1, 'ann', 'eu'), (2, 'bob', 'us'), (3, 'cy', 'eu')) AS c(id, name, region)");
        await admin.RunAsync("CREATE TABLE secrets AS SELECT 'top' AS s");
        await admin.RunAsync("CREATE VIEW all_customers AS SELECT * FROM customers");
        await admin.RunAsync("INSERT INTO customers VALUES (4, 'dan', 'us')");
        var limited = await fixture.SessionAsync(new EuOnlyMaskedNames("customers", "secrets"), admin.CurrentDatabase);
        return (admin, limited);
    }

    [Fact]
    public async Task RowFilterAndMask_ApplyToPlainReadsJoinsCtesViewsAndTimeTravel()
    {
        var (admin, limited) = await SetUpAsync();
        await using var a = admin;
        await using var l = limited;
        var expected = new[] { "1|***|eu", "3|***|eu" };
        Assert.Equal(expected, (await l.QueryAsync("SELECT id, name, region FROM customers ORDER BY id")).Lines());
        Assert.Equal(expected, (await l.QueryAsync("WITH c AS (SELECT * FROM customers) SELECT id, name, region FROM c ORDER BY id")).Lines());
        Assert.Equal(expected, (await l.QueryAsync("SELECT id, name, region FROM all_customers ORDER BY id")).Lines());
        Assert.Equal(["2"], (await l.QueryAsync("SELECT count(*) FROM customers x JOIN customers y USING (id)")).Lines());
        Assert.Equal(["2"], (await l.QueryAsync("SELECT count(*) FROM customers WHERE name = '***'")).Lines());
        var first = (string)(await a.QueryAsync("DESCRIBE HISTORY customers")).Last()[0]!;
        Assert.Equal(expected, (await l.QueryAsync($"SELECT id, name, region FROM customers AT (VERSION => {first}) ORDER BY id")).Lines());
        Assert.Equal(["1|ann|eu", "2|bob|us", "3|cy|eu", "4|dan|us"], (await a.QueryAsync("SELECT id, name, region FROM customers ORDER BY id")).Lines());
    }

    [Fact]
    public async Task DeniedTables_AndWritesUnderAPolicy_AreRefused()
    {
        var (admin, limited) = await SetUpAsync();
        await using var a = admin;
        await using var l = limited;
        await Assert.ThrowsAsync<SqlNotAllowedException>(() => l.QueryAsync("SELECT * FROM secrets"));
        await Assert.ThrowsAsync<SqlNotAllowedException>(() => l.QueryAsync("SELECT (SELECT s FROM secrets) AS leak"));
        await Assert.ThrowsAsync<SqlNotAllowedException>(() => l.RunAsync("DELETE FROM customers WHERE region = 'us'"));
        await Assert.ThrowsAsync<SqlNotAllowedException>(() => l.RunAsync("UPDATE customers SET region = 'eu'"));
        await Assert.ThrowsAsync<SqlNotAllowedException>(() => l.RunAsync("INSERT INTO customers VALUES (5, 'eve', 'eu')"));
        Assert.Equal(["4"], (await a.QueryAsync("SELECT count(*) FROM customers")).Lines());
    }

    [Fact]
    public async Task ReadingTheTablesFilesDirectly_IsRefused()
    {
        var (admin, limited) = await SetUpAsync();
        await using var a = admin;
        await using var l = limited;
        var table = await fixture.Catalogs.LoadTableAsync(new TableIdent(SessionFixture.Catalog, a.CurrentDatabase!, "customers"), CancellationToken.None);
        var location = new Uri(table!.Metadata.Location).LocalPath;
        await Assert.ThrowsAsync<SqlNotAllowedException>(() => l.QueryAsync($"SELECT * FROM read_parquet('{location}/data/*.parquet')"));
        await Assert.ThrowsAsync<SqlNotAllowedException>(() => l.QueryAsync($"SELECT * FROM '{location}/data/x.parquet'"));
    }
}
