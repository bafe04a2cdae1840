using Iomete.Engine.Catalogs;
using Iomete.Engine.Sessions;

namespace Iomete.Engine.Tests.Sessions;

/// <summary>The query's simple predicates reach the Iceberg planner: partitions and files that cannot match are never opened.</summary>
public sealed class PruningSessionTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    [Fact]
    public async Task PredicatesOnThePartitionColumn_SkipOtherPartitionsFiles()
    {
        await using var session = await fixture.SessionAsync();
        await session.RunAsync("CREATE TABLE p (id INT, region VARCHAR, day DATE) PARTITIONED BY (region)");
        await session.RunAsync("INSERT INTO p VALUES (1, 'eu', DATE '2026-01-01'), (2, 'us', DATE '2026-01-02'), (3, 'apac', DATE '2026-01-03')");
        var table = await fixture.Catalogs.LoadTableAsync(new TableIdent(SessionFixture.Catalog, session.CurrentDatabase!, "p"), CancellationToken.None);
        var plan = await new Iomete.Engine.Reads.IcebergTableReader(fixture.Platform.IO, new Iceberg.Scan.ScanPlanner(fixture.Platform.IO, 2)).PlanAsync(table!.Metadata, null, null, CancellationToken.None);
        // Lose the 'us' partition's file: only a query that must read it can notice.
        var us = plan.Scan.Tasks.Single(t => Equals(t.DataFile.File.Partition[0], "us")).DataFile.File.FilePath;
        File.Delete(new Uri(us).LocalPath);

        Assert.Equal(["1"], (await session.QueryAsync("SELECT id FROM p WHERE region = 'eu'")).Lines());
        Assert.Equal(["1", "3"], (await session.QueryAsync("SELECT id FROM p x WHERE x.region IN ('eu', 'apac') AND id > 0 ORDER BY id")).Lines());
        Assert.Equal(["3"], (await session.QueryAsync("SELECT id FROM p WHERE 'apac' = region")).Lines());
        await Assert.ThrowsAnyAsync<SqlException>(() => session.QueryAsync("SELECT count(*) FROM p"));
    }

    [Fact]
    public async Task PredicatesOnOtherColumns_PruneByFileMetrics_AndStillFilterEveryRow()
    {
        await using var session = await fixture.SessionAsync();
        await session.RunAsync("CREATE TABLE m (id INT, day DATE)");
        await session.RunAsync("INSERT INTO m SELECT range::INT, DATE '2026-01-01' + range::INT FROM range(10)");
        await session.RunAsync("INSERT INTO m SELECT range::INT, DATE '2026-03-01' + (range - 100)::INT FROM range(100, 110)");
        var table = await fixture.Catalogs.LoadTableAsync(new TableIdent(SessionFixture.Catalog, session.CurrentDatabase!, "m"), CancellationToken.None);
        var plan = await new Iomete.Engine.Reads.IcebergTableReader(fixture.Platform.IO, new Iceberg.Scan.ScanPlanner(fixture.Platform.IO, 2)).PlanAsync(table!.Metadata, null, null, CancellationToken.None);
        Assert.Equal(2, plan.Scan.Tasks.Count);
        // Lose the January file (the one whose first id is 0): a March query pruned by the day bounds never opens it.
        var january = plan.Scan.Tasks.Single(t => !t.DataFile.File.LowerBounds!.Values.Any(b => b.Length == 4 && BitConverter.ToInt32(b) == 100)).DataFile.File.FilePath;
        File.Delete(new Uri(january).LocalPath);
        Assert.Equal(["100", "101"], (await session.QueryAsync("SELECT id FROM m WHERE day BETWEEN DATE '2026-03-01' AND DATE '2026-03-02' ORDER BY id")).Lines());
        Assert.Equal(["105"], (await session.QueryAsync("SELECT id FROM m WHERE day = CAST('2026-03-06' AS DATE)")).Lines());
        await Assert.ThrowsAnyAsync<SqlException>(() => session.QueryAsync("SELECT count(*) FROM m WHERE id IS NOT NULL"));
    }
}
