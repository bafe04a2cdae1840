using Iomete.Engine.Sessions;

namespace Iomete.Engine.Tests.Sessions;

public sealed class ReadWriteSessionTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    [Fact]
    public async Task CreateInsertSelect_ByUnqualifiedAndQualifiedNames_ReturnsTheRows()
    {
        await using var session = await fixture.SessionAsync();
        var db = session.CurrentDatabase!;
        var created = await session.RunAsync("CREATE TABLE people (id INT NOT NULL, name VARCHAR, score DOUBLE)");
        Assert.Equal(StatementKind.CreateTable, created.Kind);
        var inserted = await session.RunAsync("INSERT INTO people VALUES (1, 'ann', 1.5), (2, 'bob', NULL)");
        Assert.Equal(2, inserted.RowsAffected);
        await session.RunAsync($"INSERT INTO {SessionFixture.Catalog}.{db}.people (name, id) SELECT 'cy', 3");

        var rows = await session.QueryAsync("SELECT id, name, score FROM people ORDER BY id");
        Assert.Equal(["1|ann|1.5", "2|bob|NULL", "3|cy|NULL"], rows.Lines());
        var qualified = await session.QueryAsync($"SELECT count(*) FROM {db}.people p WHERE p.id > 1");
        Assert.Equal(2L, Convert.ToInt64(qualified[0][0]));
    }

    [Fact]
    public async Task DeleteUpdateMerge_ChangeOnlyTheirRows_AndEachIsOneSnapshot()
    {
        await using var session = await fixture.SessionAsync();
        await session.RunAsync("CREATE TABLE t AS SELECT range::INT AS id, 'v' || range AS v FROM range(10)");
        await session.RunAsync("DELETE FROM t WHERE id % 3 = 0");
        await session.RunAsync("UPDATE t SET v = 'changed' WHERE id = 4");
        await session.RunAsync("CREATE TABLE s AS SELECT * FROM (VALUES (4, 'merged'), (5, NULL), (42, 'new')) AS x(id, v)");
        var merged = await session.RunAsync("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED AND s.v IS NULL THEN DELETE WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.v)");
        Assert.Equal(3, merged.RowsAffected);

        var rows = await session.QueryAsync("SELECT id, v FROM t ORDER BY id");
        Assert.Equal(["1|v1", "2|v2", "4|merged", "7|v7", "8|v8", "42|new"], rows.Lines());
        var history = await session.QueryAsync("DESCRIBE HISTORY t");
        Assert.Equal(["overwrite", "overwrite", "overwrite", "append"], history.Select(r => (string)r[3]!).ToArray());
    }

    [Fact]
    public async Task TimeTravel_AtVersionAndTimestamp_ReadsTheOldSnapshot()
    {
        await using var session = await fixture.SessionAsync();
        await session.RunAsync("CREATE TABLE tt (id INT)");
        await session.RunAsync("INSERT INTO tt VALUES (1)");
        var first = (string)(await session.QueryAsync("DESCRIBE HISTORY tt"))[0][0]!;
        await Task.Delay(20);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await session.RunAsync("INSERT INTO tt VALUES (2)");

        Assert.Equal(["1"], (await session.QueryAsync($"SELECT id FROM tt AT (VERSION => {first})")).Lines());
        Assert.Equal(["1"], (await session.QueryAsync($"SELECT id FROM tt AT (TIMESTAMP => TIMESTAMPTZ '{between:yyyy-MM-dd HH:mm:ss.fff}+00') ORDER BY id")).Lines());
        Assert.Equal(["1", "2"], (await session.QueryAsync("SELECT id FROM tt ORDER BY id")).Lines());
        await Assert.ThrowsAsync<SqlObjectNotFoundException>(() => session.QueryAsync("SELECT * FROM tt AT (VERSION => 12345)"));
    }
}
