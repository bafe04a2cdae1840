using Iomete.Iceberg.IO;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;
using Iomete.Iceberg.Writes;
using Iomete.Platform.Storage;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Iceberg.Tests.Writes;

public sealed class OverwriteFilesTests : IDisposable
{
    private static readonly Schema Schema = new(0, [T.Required(1, "id", T.Long)]);
    private readonly string root = Path.Combine(Path.GetTempPath(), "iomete-overwrite-" + Guid.NewGuid().ToString("N"));
    private readonly TableFileIO io;

    public OverwriteFilesTests() => io = new TableFileIO(new LocalFolderObjectStore(root));

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Location => io.Root + "/db/t";

    private DataFile File(long records, long size) => new()
    {
        FilePath = $"{Location}/data/{Guid.NewGuid()}.parquet",
        RecordCount = records,
        FileSizeInBytes = size,
    };

    private async Task<(TableMetadata Table, DataFile A, DataFile B, DataFile C)> TwoSnapshotsAsync()
    {
        var empty = TableMetadata.NewTable(Schema, PartitionSpec.Unpartitioned, SortOrder.Unsorted, Location, timestampMs: 1_000);
        var (a, b, c) = (File(10, 100), File(20, 200), File(30, 300));
        var append = new AppendFiles(io);
        var table = (await append.PrepareAsync(empty, [a, b])).ApplyTo(empty, 2_000);
        table = (await append.PrepareAsync(table, [c])).ApplyTo(table, 3_000);
        return (table, a, b, c);
    }

    private async Task<List<ManifestEntry>> EntriesAsync(Snapshot snapshot)
    {
        var list = ManifestListReader.Read(await io.ReadAllAsync(snapshot.ManifestList, CancellationToken.None));
        var entries = new List<ManifestEntry>();
        foreach (var m in list.Manifests)
        {
            entries.AddRange(ManifestReader.Read(await io.ReadAllAsync(m.ManifestPath, CancellationToken.None), m).Entries);
        }
        return entries;
    }

    [Fact]
    public async Task Overwrite_MarksRemovedFilesDeleted_KeepsOthersExisting_AndAddsNewOnes()
    {
        var (table, a, b, c) = await TwoSnapshotsAsync();
        var firstSnapshot = table.CurrentSnapshot!.ParentSnapshotId!.Value;
        var d = File(5, 50);

        var commit = await new OverwriteFiles(io).PrepareAsync(table, [a.FilePath], [d]);
        var after = commit.ApplyTo(table, 4_000);

        Assert.Equal("overwrite", commit.Snapshot.Operation);
        var entries = await EntriesAsync(after.CurrentSnapshot!);
        var byPath = entries.ToDictionary(e => e.DataFile.FilePath);
        Assert.Equal(EntryStatus.Added, byPath[d.FilePath].Status);
        Assert.Equal(3, byPath[d.FilePath].SequenceNumber);
        Assert.Equal(EntryStatus.Deleted, byPath[a.FilePath].Status);
        Assert.Equal(commit.Snapshot.SnapshotId, byPath[a.FilePath].SnapshotId);
        Assert.Equal(1, byPath[a.FilePath].SequenceNumber);
        Assert.Equal(EntryStatus.Existing, byPath[b.FilePath].Status);
        Assert.Equal(firstSnapshot, byPath[b.FilePath].SnapshotId);
        Assert.Equal(1, byPath[b.FilePath].SequenceNumber);
        Assert.Equal(EntryStatus.Added, byPath[c.FilePath].Status);
        Assert.Equal(2, byPath[c.FilePath].SequenceNumber);

        var summary = commit.Snapshot.Summary;
        Assert.Equal("1", summary["deleted-data-files"]);
        Assert.Equal("10", summary["deleted-records"]);
        Assert.Equal("100", summary["removed-files-size"]);
        Assert.Equal("1", summary["added-data-files"]);
        Assert.Equal("55", summary["total-records"]);
        Assert.Equal("3", summary["total-data-files"]);
        Assert.Equal("550", summary["total-files-size"]);
    }

    [Fact]
    public async Task Delete_WholeManifest_IsADeleteSnapshot()
    {
        var (table, _, _, c) = await TwoSnapshotsAsync();

        var commit = await new DeleteFiles(io).PrepareAsync(table, [c.FilePath]);
        var after = commit.ApplyTo(table, 4_000);

        Assert.Equal("delete", commit.Snapshot.Operation);
        Assert.Equal("30", commit.Snapshot.Summary["total-records"]);
        var live = (await EntriesAsync(after.CurrentSnapshot!)).Where(e => e.Status != EntryStatus.Deleted).Select(e => e.DataFile.RecordCount);
        Assert.Equal([10L, 20L], live.Order());
    }

    [Fact]
    public async Task Overwrite_OfAFileNotInTheTable_FailsAndLeavesNoMetadataFiles()
    {
        var (table, a, _, _) = await TwoSnapshotsAsync();
        var before = Directory.GetFiles(root, "*", SearchOption.AllDirectories).Length;

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            new OverwriteFiles(io).PrepareAsync(table, [a.FilePath, Location + "/data/missing.parquet"], [File(1, 1)]));

        Assert.Contains("missing.parquet", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(root, "*", SearchOption.AllDirectories).Length);
    }
}
