using Iomete.Iceberg.Manifests;
using static Iomete.Iceberg.Tests.Manifests.ManifestFixtures;

namespace Iomete.Iceberg.Tests.Manifests;

public sealed class ManifestInheritanceTests
{
    private static (byte[] Bytes, ManifestFile Manifest) Mixed()
    {
        var writer = new ManifestWriter(Schema, Spec, snapshotId: 30);
        writer.Add(File("new", Partition(1, "a"), records: 5));
        writer.Existing(File("old", Partition(2, "b"), records: 7), fileSnapshotId: 10, sequenceNumber: 2, fileSequenceNumber: 2);
        writer.Delete(File("gone", Partition(3, "c"), records: 11), sequenceNumber: 1, fileSequenceNumber: 1);
        var bytes = Write(writer, "m", out var manifest);
        return (bytes, manifest);
    }

    [Fact]
    public void AddedEntries_AreWrittenWithNullSequenceNumbers()
    {
        var raw = ManifestReader.Read(Mixed().Bytes);
        Assert.Null(raw.Entries[0].SequenceNumber);
        Assert.Null(raw.Entries[0].FileSequenceNumber);
        Assert.Equal(30, raw.Entries[0].SnapshotId);
    }

    [Fact]
    public void AddedEntries_InheritTheManifestSequenceNumberOnRead()
    {
        var (bytes, manifest) = Mixed();
        var read = ManifestReader.Read(bytes, manifest with { SequenceNumber = 9 });
        Assert.Equal((9L, 9L), (read.Entries[0].SequenceNumber!.Value, read.Entries[0].FileSequenceNumber!.Value));
    }

    [Fact]
    public void ExistingAndDeletedEntries_KeepTheirOwnSnapshotAndSequenceNumbers()
    {
        var (bytes, manifest) = Mixed();
        var read = ManifestReader.Read(bytes, manifest with { SequenceNumber = 9 });
        Assert.Equal((EntryStatus.Existing, 10L, 2L, 2L), (read.Entries[1].Status, read.Entries[1].SnapshotId!.Value, read.Entries[1].SequenceNumber!.Value, read.Entries[1].FileSequenceNumber!.Value));
        Assert.Equal((EntryStatus.Deleted, 30L, 1L), (read.Entries[2].Status, read.Entries[2].SnapshotId!.Value, read.Entries[2].SequenceNumber!.Value));
    }

    [Fact]
    public void NullSnapshotId_InheritsTheManifestAddedSnapshotId()
    {
        var writer = new ManifestWriter(Schema, Spec, snapshotId: 30);
        writer.Append(new ManifestEntry(EntryStatus.Added, null, null, null, File("a", Partition(1, "a"))));
        var bytes = Write(writer, "m", out var manifest);
        Assert.Null(ManifestReader.Read(bytes).Entries[0].SnapshotId);
        Assert.Equal(30, ManifestReader.Read(bytes, manifest).Entries[0].SnapshotId);
    }

    [Fact]
    public void ExistingEntry_WithoutSequenceNumbers_IsRejected()
    {
        var writer = new ManifestWriter(Schema, Spec, 1);
        Assert.Throws<ArgumentException>(() => writer.Append(new ManifestEntry(EntryStatus.Existing, 1, null, null, File("a", Partition(1, "a")))));
    }

    [Fact]
    public void Writer_CountsFilesAndRowsPerStatus()
    {
        var m = Mixed().Manifest;
        Assert.Equal((1, 1, 1), (m.AddedFilesCount, m.ExistingFilesCount, m.DeletedFilesCount));
        Assert.Equal((5L, 7L, 11L), (m.AddedRowsCount, m.ExistingRowsCount, m.DeletedRowsCount));
        Assert.Equal(1, m.MinSequenceNumber);
        Assert.Equal(ManifestFile.UnassignedSequenceNumber, m.SequenceNumber);
        Assert.Equal(30, m.AddedSnapshotId);
        Assert.Equal(4, m.PartitionSpecId);
        Assert.True(m.ManifestLength > 0);
    }
}
