using DuckDB.NET.Data;
using Iomete.Engine.Catalogs;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Types;

namespace Iomete.Engine.Tests.Sessions;

public sealed class BucketPartitionSessionTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    [Fact]
    public async Task InsertIntoBucketPartitionedTable_PutsEveryRowInTheIcebergBucketOfItsValue()
    {
        await using var session = await fixture.SessionAsync();
        await session.RunAsync("CREATE TABLE b (id BIGINT, name VARCHAR, day DATE) PARTITIONED BY (bucket(4, id), bucket(3, name))");
        await session.RunAsync("INSERT INTO b SELECT range, 'n' || (range % 7), DATE '2026-01-01' + range::INT FROM range(50)");
        await session.RunAsync("INSERT INTO b VALUES (NULL, NULL, NULL)");

        Assert.Equal(["51"], (await session.QueryAsync("SELECT count(*) FROM b")).Lines());
        var table = await fixture.Catalogs.LoadTableAsync(new TableIdent(SessionFixture.Catalog, session.CurrentDatabase!, "b"), CancellationToken.None);
        var plan = await new Iomete.Engine.Reads.IcebergTableReader(fixture.Platform.IO, new Iceberg.Scan.ScanPlanner(fixture.Platform.IO, 2)).PlanAsync(table!.Metadata, null, null, CancellationToken.None);
        Assert.True(plan.Scan.Tasks.Count > 4);
        await using var duck = new DuckDBConnection("DataSource=:memory:");
        await duck.OpenAsync();
        foreach (var task in plan.Scan.Tasks)
        {
            var file = task.DataFile.File;
            await using var command = duck.CreateCommand();
            command.CommandText = $"SELECT id, name FROM read_parquet('{new Uri(file.FilePath).LocalPath}')";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var id = reader.IsDBNull(0) ? (long?)null : reader.GetInt64(0);
                var name = reader.IsDBNull(1) ? null : reader.GetString(1);
                Assert.Equal(Transform.Bucket(4).Apply(IcebergTypes.Long, id), file.Partition[0]);
                Assert.Equal(Transform.Bucket(3).Apply(IcebergTypes.String, name), file.Partition[1]);
            }
        }
        Assert.Equal(["7"], (await session.QueryAsync("SELECT count(*) FROM b WHERE name = 'n3'")).Lines());
    }
}
