using Iomete.Iceberg.Json;
using Iomete.Iceberg.Metadata;

namespace Iomete.Iceberg.Tests.Metadata;

public sealed class SnapshotIdGeneratorTests
{
    [Fact]
    public void GeneratedIds_ArePositive_AndExactAsDoubles()
    {
        var generator = new SnapshotIdGenerator(new Random(7));
        for (var i = 0; i < 10_000; i++)
        {
            var id = generator.Next();
            Assert.InRange(id, 1, SnapshotIdGenerator.UpperBound - 1);
            Assert.Equal(id, (long)(double)id);
        }
    }

    [Fact]
    public void SameSeed_GivesSameIds()
    {
        var a = new SnapshotIdGenerator(new Random(1));
        var b = new SnapshotIdGenerator(new Random(1));
        Assert.Equal(a.Next(), b.Next());
    }

    [Fact]
    public void NextForTable_AvoidsExistingSnapshotIds()
    {
        var metadata = TableMetadataJson.Parse(Fixtures.Read("TableMetadataV2Valid.json"));
        var taken = new SnapshotIdGenerator(new Random(3)).Next();
        var existing = metadata with { Snapshots = [.. metadata.Snapshots, metadata.Snapshots[0] with { SnapshotId = taken }] };

        Assert.NotEqual(taken, new SnapshotIdGenerator(new Random(3)).Next(existing));
    }
}
