using Iomete.Iceberg.Manifests;
using static Iomete.Iceberg.Tests.Manifests.ManifestFixtures;

namespace Iomete.Iceberg.Tests.Manifests;

public sealed class ManifestListTests
{
    private static ManifestFile NewManifest(long snapshotId)
    {
        var writer = new ManifestWriter(Schema, Spec, snapshotId);
        writer.Add(File("a", Partition(1, "a")));
        Write(writer, $"s3://b/m-{snapshotId}.avro", out var manifest);
        return manifest;
    }

    private static ManifestList RoundTrip(long snapshotId, long? parent, long sequenceNumber, IEnumerable<ManifestFile> manifests, int formatVersion = 2)
    {
        using var stream = new MemoryStream();
        ManifestListWriter.Write(stream, snapshotId, parent, sequenceNumber, manifests, formatVersion);
        return ManifestListReader.Read(stream.ToArray());
    }

    [Fact]
    public void ManifestList_RoundTripsEveryField()
    {
        var original = new ManifestFile
        {
            ManifestPath = "s3://b/old.avro", ManifestLength = 1234, PartitionSpecId = 2, Content = ManifestContent.Deletes,
            SequenceNumber = 3, MinSequenceNumber = 1, AddedSnapshotId = 77, AddedFilesCount = 1, ExistingFilesCount = 2,
            DeletedFilesCount = 3, AddedRowsCount = 10, ExistingRowsCount = 20, DeletedRowsCount = 30, KeyMetadata = [1, 2],
            Partitions = [new PartitionFieldSummary(true, false, [1, 0, 0, 0], [9, 0, 0, 0]), new PartitionFieldSummary(false, null, null, null)],
        };
        var list = RoundTrip(100, 99, 5, [original]);
        var read = Assert.Single(list.Manifests);
        Assert.Equal(original with { Partitions = null }, read with { Partitions = null, KeyMetadata = original.KeyMetadata });
        Assert.Equal(original.KeyMetadata, read.KeyMetadata);
        Assert.Equal(original.Partitions[0].LowerBound, read.Partitions![0].LowerBound);
        Assert.Equal(original.Partitions[0].UpperBound, read.Partitions[0].UpperBound);
        Assert.Equal((true, (bool?)false), (read.Partitions[0].ContainsNull, read.Partitions[0].ContainsNan));
        Assert.Null(read.Partitions[1].ContainsNan);
        Assert.Null(read.Partitions[1].LowerBound);
    }

    [Fact]
    public void ManifestList_MetadataHoldsSnapshotParentSequenceAndVersion()
    {
        var list = RoundTrip(100, 99, 5, []);
        Assert.Equal((100L, 99L, 5L, 2), (list.SnapshotId!.Value, list.ParentSnapshotId!.Value, list.SequenceNumber, list.FormatVersion));
        Assert.Null(RoundTrip(100, null, 1, []).ParentSnapshotId);
    }

    [Fact]
    public void NewManifests_GetTheCommitSequenceNumber()
    {
        var read = Assert.Single(RoundTrip(42, null, 8, [NewManifest(42)]).Manifests);
        Assert.Equal(8, read.SequenceNumber);
        Assert.Equal(8, read.MinSequenceNumber);
    }

    [Fact]
    public void ManifestsOfEarlierSnapshots_KeepTheirSequenceNumbers()
    {
        var old = NewManifest(41) with { SequenceNumber = 4, MinSequenceNumber = 2 };
        var read = RoundTrip(42, 41, 8, [old, NewManifest(42)]).Manifests;
        Assert.Equal((4L, 2L), (read[0].SequenceNumber, read[0].MinSequenceNumber));
        Assert.Equal(8, read[1].SequenceNumber);
    }

    [Fact]
    public void UnassignedManifestOfAnotherSnapshot_IsRejected()
    {
        using var stream = new MemoryStream();
        Assert.Throws<ArgumentException>(() => ManifestListWriter.Write(stream, 42, null, 8, [NewManifest(7)]));
    }

    [Fact]
    public void ReadingAManifestWithItsListEntry_AppliesTheAssignedSequenceNumber()
    {
        var writer = new ManifestWriter(Schema, Spec, 42);
        writer.Add(File("a", Partition(1, "a")));
        var bytes = Write(writer, "m", out var manifest);
        var listed = Assert.Single(RoundTrip(42, null, 6, [manifest]).Manifests);
        var entry = Assert.Single(ManifestReader.Read(bytes, listed).Entries);
        Assert.Equal((42L, 6L, 6L), (entry.SnapshotId!.Value, entry.SequenceNumber!.Value, entry.FileSequenceNumber!.Value));
    }

    [Fact]
    public void V3ManifestList_RoundTripsFirstRowId()
    {
        var read = Assert.Single(RoundTrip(42, null, 8, [NewManifest(42) with { FirstRowId = 1000 }], formatVersion: 3).Manifests);
        Assert.Equal(1000, read.FirstRowId);
    }
}
