using Iomete.Engine.Catalogs;
using Iomete.Engine.Sessions;
using Iomete.Engine.Tests.Catalogs;

namespace Iomete.Engine.Tests.Sessions;

public sealed class DdlSessionTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    [Fact]
    public async Task CreateTable_WithPartitioningAndProperties_IsAnIcebergTableWithThatSpec()
    {
        await using var session = await fixture.SessionAsync();
        await session.RunAsync("CREATE TABLE events (id BIGINT, kind VARCHAR, ts TIMESTAMP) PARTITIONED BY (kind, days(ts)) WITH ('write.parquet.compression-codec' = 'snappy')");
        await session.RunAsync("INSERT INTO events VALUES (1, 'a', TIMESTAMP '2024-01-01 10:00'), (2, 'a', TIMESTAMP '2024-01-02 10:00'), (3, 'b', TIMESTAMP '2024-01-01 11:00')");

        var table = await fixture.Catalogs.LoadTableAsync(new TableIdent(SessionFixture.Catalog, session.CurrentDatabase!, "events"), CancellationToken.None);
        Assert.NotNull(table);
        Assert.Equal(["kind", "ts_day"], table.Metadata.DefaultSpec.Fields.Select(f => f.Name).ToArray());
        Assert.Equal("snappy", table.Metadata.Properties["write.parquet.compression-codec"]);
        Assert.Equal("3", table.Metadata.CurrentSnapshot!.Summary["added-data-files"]);
        Assert.Equal(["1|a", "3|b"], (await session.QueryAsync("SELECT id, kind FROM events WHERE ts < TIMESTAMP '2024-01-02' ORDER BY id")).Lines());
    }

    [Fact]
    public async Task AlterTable_AddRenameWidenDrop_OldFilesReadUnderTheNewSchema()
    {
        await using var session = await fixture.SessionAsync();
        await session.RunAsync("CREATE TABLE a (id INT, name VARCHAR, gone VARCHAR)");
        await session.RunAsync("INSERT INTO a VALUES (1, 'x', 'g')");
        await session.RunAsync("ALTER TABLE a ADD COLUMN score DOUBLE");
        await session.RunAsync("ALTER TABLE a RENAME COLUMN name TO full_name");
        await session.RunAsync("ALTER TABLE a ALTER COLUMN id TYPE BIGINT");
        await session.RunAsync("ALTER TABLE a DROP COLUMN gone");
        await session.RunAsync("INSERT INTO a VALUES (2, 'y', 0.5)");

        Assert.Equal(["1|x|NULL", "2|y|0.5"], (await session.QueryAsync("SELECT id, full_name, score FROM a ORDER BY id")).Lines());
        var columns = await session.QueryAsync("DESCRIBE a");
        Assert.Equal(["id|BIGINT|NULL", "full_name|VARCHAR|NULL", "score|DOUBLE|NULL"], columns.Lines());
        var narrowing = await Assert.ThrowsAsync<SqlInvalidException>(() => session.RunAsync("ALTER TABLE a ALTER COLUMN id TYPE INT"));
        Assert.Contains("id", narrowing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartitionEvolution_AndProperties_AreMetadataCommits()
    {
        await using var session = await fixture.SessionAsync();
        await session.RunAsync("CREATE TABLE p (id INT, region VARCHAR)");
        await session.RunAsync("ALTER TABLE p SET PARTITIONED BY (region)");
        await session.RunAsync("ALTER TABLE p SET TBLPROPERTIES ('owner' = 'data-team')");
        await session.RunAsync("INSERT INTO p VALUES (1, 'eu'), (2, 'us')");
        var properties = await session.QueryAsync("SHOW TBLPROPERTIES p");
        Assert.Contains("owner|data-team", properties.Lines());
        await session.RunAsync("ALTER TABLE p UNSET TBLPROPERTIES ('owner')");
        Assert.DoesNotContain("owner|data-team", (await session.QueryAsync("SHOW TBLPROPERTIES p")).Lines());
        var create = (string)(await session.QueryAsync("SHOW CREATE TABLE p"))[0][0]!;
        Assert.Contains("PARTITIONED BY (\"region\")", create, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Views_DatabasesShowAndUse_WorkThroughTheCatalog()
    {
        await using var session = await fixture.SessionAsync();
        var db = session.CurrentDatabase!;
        await session.RunAsync("CREATE TABLE base AS SELECT range::INT AS n FROM range(5)");
        await session.RunAsync("CREATE VIEW evens AS SELECT n FROM base WHERE n % 2 = 0");
        Assert.Equal(["0", "2", "4"], (await session.QueryAsync("SELECT * FROM evens ORDER BY n")).Lines());
        Assert.NotNull(await fixture.Catalogs.LoadViewAsync(new TableIdent(SessionFixture.Catalog, db, "evens"), CancellationToken.None));
        Assert.Contains($"{db}|evens", (await session.QueryAsync("SHOW VIEWS")).Lines());
        Assert.Contains($"{db}|base", (await session.QueryAsync("SHOW TABLES")).Lines());

        var other = CatalogFixture.Unique("db");
        await session.RunAsync($"CREATE DATABASE {other}");
        await session.RunAsync($"USE {other}");
        Assert.Equal(other, session.CurrentDatabase);
        Assert.Equal(["0", "2", "4"], (await session.QueryAsync($"SELECT * FROM {db}.evens ORDER BY n")).Lines());
        await session.RunAsync($"DROP VIEW {db}.evens");
        await Assert.ThrowsAsync<SqlObjectNotFoundException>(() => session.QueryAsync($"SELECT * FROM {db}.evens"));
        await session.RunAsync($"DROP DATABASE {other}");
        Assert.DoesNotContain(other, (await session.QueryAsync("SHOW DATABASES")).Lines());
    }

    [Fact]
    public async Task ShowTablesLike_MatchesSparksStarAndAlternatives()
    {
        await using var session = await fixture.SessionAsync();
        foreach (var name in new[] { "sales_eu", "sales_us", "costs" })
        {
            await session.RunAsync($"CREATE TABLE {name} (id INT)");
        }
        var db = session.CurrentDatabase!;
        Assert.Equal([$"{db}|sales_eu", $"{db}|sales_us"], (await session.QueryAsync("SHOW TABLES LIKE 'SALES_*'")).Lines());
        Assert.Equal([$"{db}|costs", $"{db}|sales_eu"], (await session.QueryAsync("SHOW TABLES LIKE 'costs|*_eu'")).Lines());
    }

    [Fact]
    public async Task InsertOverwrite_ReplacesEveryRow()
    {
        await using var session = await fixture.SessionAsync();
        await session.RunAsync("CREATE TABLE o AS SELECT range::INT AS n FROM range(3)");
        var result = await session.RunAsync("INSERT OVERWRITE TABLE o SELECT 7");
        Assert.Equal(StatementKind.InsertOverwrite, result.Kind);
        Assert.Equal(["7"], (await session.QueryAsync("SELECT n FROM o")).Lines());
    }

    [Fact]
    public async Task DropTable_Purge_RemovesIt()
    {
        await using var session = await fixture.SessionAsync();
        await session.RunAsync("CREATE TABLE d AS SELECT 1 AS x");
        await session.RunAsync("DROP TABLE d PURGE");
        await Assert.ThrowsAsync<SqlObjectNotFoundException>(() => session.QueryAsync("SELECT * FROM d"));
        var again = await session.RunAsync("DROP TABLE IF EXISTS d");
        Assert.Equal(StatementKind.DropTable, again.Kind);
    }
}
