using Iomete.Iceberg.Commits;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;
using Iomete.Iceberg.Writes;
using Iomete.Platform.Storage;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Iceberg.Tests.Writes;

public sealed class AppendFilesTests : IDisposable
{
    private static readonly Schema Schema = new(0, [T.Required(1, "id", T.Long), T.Optional(2, "region", T.String)]);
    private readonly string root = Path.Combine(Path.GetTempPath(), "iomete-append-" + Guid.NewGuid().ToString("N"));
    private readonly TableFileIO io;

    public AppendFilesTests() => io = new TableFileIO(new LocalFolderObjectStore(root));

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Location => io.Root + "/db/events";

    private TableMetadata NewTable(PartitionSpec? spec = null, int formatVersion = 2) =>
        TableMetadata.NewTable(Schema, spec ?? PartitionSpec.Unpartitioned, SortOrder.Unsorted, Location, formatVersion: formatVersion, timestampMs: 1_000);

    private DataFile File(long records, long size, params object?[] partition) => new()
    {
        FilePath = $"{Location}/data/{Guid.NewGuid()}.parquet",
        RecordCount = records,
        FileSizeInBytes = size,
        Partition = partition,
        ValueCounts = new Dictionary<int, long> { [1] = records },
        LowerBounds = new Dictionary<int, byte[]> { [1] = SingleValue.Serialize(T.Long, 1L) },
    };

    [Fact]
    public async Task Append_ToEmptyTable_AssertsNoMainAndWritesOneManifestAndList()
    {
        var table = NewTable();
        var commit = await new AppendFiles(io).PrepareAsync(table, [File(10, 100), File(5, 50)]);

        Assert.Equal([new AssertRefSnapshotId("main", null)], commit.Requirements);
        Assert.Equal(2, commit.Updates.Count);
        var add = Assert.IsType<AddSnapshot>(commit.Updates[0]);
        var setRef = Assert.IsType<SetSnapshotRef>(commit.Updates[1]);
        Assert.Equal("main", setRef.RefName);
        Assert.Equal(SnapshotRef.Branch(commit.Snapshot.SnapshotId), setRef.Ref);
        Assert.Same(commit.Snapshot, add.Snapshot);
        Assert.InRange(commit.Snapshot.SnapshotId, 1, SnapshotIdGenerator.UpperBound - 1);
        Assert.Null(commit.Snapshot.ParentSnapshotId);
        Assert.Equal(1, commit.Snapshot.SequenceNumber);
        Assert.Equal(2, commit.WrittenFiles.Count);
        Assert.All(commit.WrittenFiles, f => Assert.StartsWith(Location + "/metadata/", f, StringComparison.Ordinal));
        Assert.Matches(@"/metadata/snap-\d+-1-[0-9a-f-]{36}\.avro$", commit.Snapshot.ManifestList);
        Assert.Contains(commit.WrittenFiles, f => System.Text.RegularExpressions.Regex.IsMatch(f, @"/metadata/[0-9a-f-]{36}-m0\.avro$"));
        foreach (var f in commit.WrittenFiles)
        {
            Assert.True(await io.ExistsAsync(f, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Append_Summary_CarriesTheSpecsMetricKeys()
    {
        var commit = await new AppendFiles(io).PrepareAsync(NewTable(), [File(10, 100), File(5, 50)]);

        var expected = new Dictionary<string, string>
        {
            ["operation"] = "append",
            ["added-data-files"] = "2",
            ["added-records"] = "15",
            ["added-files-size"] = "150",
            ["changed-partition-count"] = "1",
            ["total-records"] = "15",
            ["total-files-size"] = "150",
            ["total-data-files"] = "2",
            ["total-delete-files"] = "0",
            ["total-position-deletes"] = "0",
            ["total-equality-deletes"] = "0",
        };
        Assert.Equal(expected.OrderBy(kv => kv.Key), commit.Snapshot.Summary.OrderBy(kv => kv.Key));
    }

    [Fact]
    public async Task SecondAppend_KeepsParentManifests_AndAddsToTotals()
    {
        var append = new AppendFiles(io);
        var first = await append.PrepareAsync(NewTable(), [File(10, 100)]);
        var table = first.ApplyTo(NewTable(), 2_000);
        var firstFile = File(7, 70);

        var second = await append.PrepareAsync(table, [firstFile]);
        var after = second.ApplyTo(table, 3_000);

        Assert.Equal([new AssertRefSnapshotId("main", first.Snapshot.SnapshotId)], second.Requirements);
        Assert.Equal(first.Snapshot.SnapshotId, second.Snapshot.ParentSnapshotId);
        Assert.Equal(2, second.Snapshot.SequenceNumber);
        Assert.Equal("17", second.Snapshot.Summary["total-records"]);
        Assert.Equal("2", second.Snapshot.Summary["total-data-files"]);
        Assert.Equal("170", second.Snapshot.Summary["total-files-size"]);
        Assert.Equal(second.Snapshot.SnapshotId, after.CurrentSnapshotId);
        Assert.Equal(2, after.LastSequenceNumber);

        var list = ManifestListReader.Read(await io.ReadAllAsync(second.Snapshot.ManifestList, CancellationToken.None));
        Assert.Equal(2, list.Manifests.Count);
        Assert.Equal(second.Snapshot.SnapshotId, list.Manifests[0].AddedSnapshotId);
        Assert.Equal(2, list.Manifests[0].SequenceNumber);
        Assert.Equal(first.Snapshot.SnapshotId, list.Manifests[1].AddedSnapshotId);
        Assert.Equal(1, list.Manifests[1].SequenceNumber);

        var manifest = ManifestReader.Read(await io.ReadAllAsync(list.Manifests[0].ManifestPath, CancellationToken.None), list.Manifests[0]);
        var entry = Assert.Single(manifest.Entries);
        Assert.Equal(EntryStatus.Added, entry.Status);
        Assert.Equal(second.Snapshot.SnapshotId, entry.SnapshotId);
        Assert.Equal(2, entry.SequenceNumber);
        Assert.Equal(firstFile.FilePath, entry.DataFile.FilePath);
        Assert.Equal(7, entry.DataFile.RecordCount);
        Assert.Equal(firstFile.LowerBounds![1], entry.DataFile.LowerBounds![1]);
    }

    [Fact]
    public async Task Append_ToStaleMetadata_FailsItsRequirement()
    {
        var append = new AppendFiles(io);
        var empty = NewTable();
        var racing = await append.PrepareAsync(empty, [File(1, 10)]);
        var winner = await append.PrepareAsync(empty, [File(2, 20)]);
        var current = winner.ApplyTo(empty, 2_000);

        Assert.Throws<CommitConflictException>(() => racing.ApplyTo(current, 3_000));

        await racing.CleanupAsync(io, CancellationToken.None);
        foreach (var f in racing.WrittenFiles)
        {
            Assert.False(await io.ExistsAsync(f, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Append_ToNewBranch_StartsFromMainAndLeavesMainAlone()
    {
        var append = new AppendFiles(io);
        var table = (await append.PrepareAsync(NewTable(), [File(3, 30)])).ApplyTo(NewTable(), 2_000);

        var commit = await append.PrepareAsync(table, [File(4, 40)], "audit");
        var after = commit.ApplyTo(table, 3_000);

        Assert.Equal([new AssertRefSnapshotId("audit", null)], commit.Requirements);
        Assert.Equal(table.CurrentSnapshotId, commit.Snapshot.ParentSnapshotId);
        Assert.Equal(table.CurrentSnapshotId, after.CurrentSnapshotId);
        Assert.Equal(commit.Snapshot.SnapshotId, after.Ref("audit")!.SnapshotId);
        Assert.Equal("7", commit.Snapshot.Summary["total-records"]);
    }

    [Fact]
    public async Task Append_CountsChangedPartitions()
    {
        var spec = new PartitionSpec(0, [new PartitionField(2, 1000, "region", Transform.Identity)]);
        var table = NewTable(spec);

        var commit = await new AppendFiles(io).PrepareAsync(table, [File(1, 10, "eu"), File(1, 10, "us"), File(1, 10, "eu"), File(1, 10, [null])]);

        Assert.Equal("3", commit.Snapshot.Summary["changed-partition-count"]);
        var list = ManifestListReader.Read(await io.ReadAllAsync(commit.Snapshot.ManifestList, CancellationToken.None));
        var summary = Assert.Single(Assert.Single(list.Manifests).Partitions!);
        Assert.True(summary.ContainsNull);
        Assert.Equal("eu", SingleValue.Deserialize(T.String, summary.LowerBound));
        Assert.Equal("us", SingleValue.Deserialize(T.String, summary.UpperBound));
    }

    [Fact]
    public async Task Append_ToV3Table_AssignsRowIds()
    {
        var table = NewTable(formatVersion: 3);
        var first = await new AppendFiles(io).PrepareAsync(table, [File(10, 100)]);
        var after = first.ApplyTo(table, 2_000);

        Assert.Equal(0, first.Snapshot.FirstRowId);
        Assert.Equal(10, first.Snapshot.AddedRows);
        Assert.Equal(10, after.NextRowId);
        var list = ManifestListReader.Read(await io.ReadAllAsync(first.Snapshot.ManifestList, CancellationToken.None));
        Assert.Equal(0, Assert.Single(list.Manifests).FirstRowId);
    }

    [Fact]
    public async Task Append_RejectsV1TablesTagsAndDeleteFiles()
    {
        var append = new AppendFiles(io);
        await Assert.ThrowsAsync<ArgumentException>(() => append.PrepareAsync(NewTable(formatVersion: 1), [File(1, 1)]));
        await Assert.ThrowsAsync<ArgumentException>(() => append.PrepareAsync(NewTable(), [File(1, 1) with { Content = FileContent.PositionDeletes }]));
        var table = (await append.PrepareAsync(NewTable(), [File(1, 1)])).ApplyTo(NewTable(), 2_000);
        var tagged = MetadataUpdater.Apply(table, [new SetSnapshotRef("v1", SnapshotRef.Tag(table.CurrentSnapshotId!.Value))], 3_000);
        await Assert.ThrowsAsync<ArgumentException>(() => append.PrepareAsync(tagged, [File(1, 1)], "v1"));
    }

    [Fact]
    public async Task Append_WrittenMetadata_RoundTripsThroughMetadataJson()
    {
        var table = NewTable();
        var after = (await new AppendFiles(io).PrepareAsync(table, [File(1, 1)])).ApplyTo(table, 2_000);

        var parsed = TableMetadataJson.Parse(TableMetadataJson.ToJson(after));

        Assert.Equal(after.CurrentSnapshotId, parsed.CurrentSnapshotId);
        Assert.Equal(after.CurrentSnapshot!.ManifestList, parsed.CurrentSnapshot!.ManifestList);
    }
}
