using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;
using Iomete.Iceberg.Types;
using static Iomete.Iceberg.Tests.Commits.CommitTestData;

namespace Iomete.Iceberg.Tests.Commits;

public sealed class MetadataUpdaterTests
{
    private static readonly Schema Wider = new(0, [
        new NestedField(1, "id", true, IcebergTypes.Long),
        new NestedField(2, "name", false, IcebergTypes.String),
        new NestedField(3, "ts", false, IcebergTypes.TimestampTz),
    ]);

    [Fact]
    public void Updates_BuildATableWithTwoSnapshotsOnMainAndATag()
    {
        var m = MetadataUpdater.Apply(NewTable(), [
            new AddSnapshot(Snapshot(11, null, 1, 2_000)),
            new SetSnapshotRef("main", SnapshotRef.Branch(11)),
            new AddSnapshot(Snapshot(12, 11, 2, 3_000)),
            new SetSnapshotRef("main", SnapshotRef.Branch(12)),
            new SetSnapshotRef("v1", SnapshotRef.Tag(11)),
            new SetProperties(new Dictionary<string, string> { ["owner"] = "ana" }),
        ], 4_000);

        Assert.Equal(12, m.CurrentSnapshotId);
        Assert.Equal([11L, 12L], m.Snapshots.Select(s => s.SnapshotId));
        Assert.Equal([11L, 12L], m.SnapshotLog.Select(e => e.SnapshotId));
        Assert.Equal(2, m.LastSequenceNumber);
        Assert.Equal(11, m.Ref("v1")!.SnapshotId);
        Assert.False(m.Ref("v1")!.IsBranch);
        Assert.Equal(4_000, m.LastUpdatedMs);
        Assert.Equal("ana", m.Properties["owner"]);
        var reparsed = TableMetadataJson.Parse(TableMetadataJson.ToJson(m));
        Assert.Equal(TableMetadataJson.ToJson(m), TableMetadataJson.ToJson(reparsed));
    }

    [Fact]
    public void MinusOne_MeansTheSchemaSpecAndOrderAddedInThisCommit()
    {
        var m = MetadataUpdater.Apply(NewTable(), [
            new AddSchema(Wider, LastColumnId: 3),
            new SetCurrentSchema(TableUpdate.LastAdded),
            new AddPartitionSpec(new PartitionSpec(0, [new PartitionField(3, 1000, "ts_day", Transform.Parse("day", "$"))])),
            new SetDefaultSpec(TableUpdate.LastAdded),
            new AddSortOrder(new SortOrder(1, [SortField.Of(3, SortDirection.Desc)])),
            new SetDefaultSortOrder(TableUpdate.LastAdded),
        ], 2_000);

        Assert.Equal(1, m.CurrentSchemaId);
        Assert.Equal(3, m.LastColumnId);
        Assert.Equal(1, m.DefaultSpecId);
        Assert.Equal(1000, m.LastPartitionId);
        Assert.Equal(1, m.DefaultSortOrderId);
        Assert.Equal(3, Assert.Single(m.DefaultSortOrder.Fields).SourceId);
    }

    [Fact]
    public void MinusOne_WithoutAnAddInThisCommit_IsRejected()
    {
        var ex = Assert.Throws<InvalidCommitException>(() => MetadataUpdater.Apply(NewTable(), [new SetCurrentSchema(-1)], 2_000));
        Assert.Contains("set-current-schema", ex.Message);
    }

    [Fact]
    public void AddingAnExistingSchema_ReusesItsId()
    {
        var m = MetadataUpdater.Apply(NewTable(), [new AddSchema(NewTable().CurrentSchema.WithSchemaId(7)), new SetCurrentSchema(-1)], 2_000);

        Assert.Single(m.Schemas);
        Assert.Equal(0, m.CurrentSchemaId);
    }

    [Fact]
    public void RemoveSnapshots_DropsRefsPointingToThem()
    {
        var two = MetadataUpdater.Apply(NewTable(), [
            new AddSnapshot(Snapshot(11, null, 1, 2_000)),
            new AddSnapshot(Snapshot(12, 11, 2, 3_000)),
            new SetSnapshotRef("main", SnapshotRef.Branch(12)),
            new SetSnapshotRef("old", SnapshotRef.Tag(11)),
        ], 4_000);

        var m = MetadataUpdater.Apply(two, [new RemoveSnapshots([11])], 5_000);

        Assert.Equal([12L], m.Snapshots.Select(s => s.SnapshotId));
        Assert.Null(m.Ref("old"));
        Assert.Equal(12, m.Ref("main")!.SnapshotId);
    }

    [Fact]
    public void AFailingUpdateInTheMiddle_LeavesTheBaseUnchangedAndReturnsNothing()
    {
        var start = NewTable();
        var before = TableMetadataJson.ToJson(start);
        TableMetadata? result = null;

        Assert.Throws<InvalidCommitException>(() => result = MetadataUpdater.Apply(start, [
            new SetProperties(new Dictionary<string, string> { ["a"] = "1" }),
            new AddSnapshot(Snapshot(11, null, 1, 2_000)),
            new SetCurrentSchema(42),
            new SetLocation("s3://elsewhere"),
        ], 3_000));

        Assert.Null(result);
        Assert.Equal(before, TableMetadataJson.ToJson(start));
    }

    [Theory]
    [MemberData(nameof(BadUpdates))]
    public void BadUpdate_IsRejectedAsInvalidCommit(TableUpdate[] updates, string message)
    {
        var ex = Assert.Throws<InvalidCommitException>(() => MetadataUpdater.Apply(NewTable(), updates, 3_000));
        Assert.Contains(message, ex.Message);
    }

    public static TheoryData<TableUpdate[], string> BadUpdates => new()
    {
        { [new AddSnapshot(Snapshot(11, null, 1, 2_000)), new AddSnapshot(Snapshot(11, null, 2, 2_000))], "already exists" },
        { [new AddSnapshot(Snapshot(11, 99, 1, 2_000))], "parent snapshot 99" },
        { [new AddSnapshot(Snapshot(11, null, 1, 2_000)), new AddSnapshot(Snapshot(12, 11, 1, 2_000))], "sequence number 1" },
        { [new UpgradeFormatVersion(1)], "downgrade" },
        { [new SetDefaultSpec(5)], "unknown partition spec id 5" },
        { [new SetSnapshotRef("main", SnapshotRef.Branch(404))], "unknown snapshot 404" },
        { [new AssignUuid(Guid.Empty)], "reassign" },
        { [new RemoveSchemas([0])], "current schema" },
        { [new AddSortOrder(new SortOrder(1, [SortField.Of(9, SortDirection.Asc)]))], "add-sort-order" },
    };

    [Fact]
    public void StatisticsAndPropertyUpdates_ReplaceAndRemove()
    {
        var stats = new StatisticsFile(11, "s3://b/s.puffin", 10, 4, []);
        var m = MetadataUpdater.Apply(NewTable(), [
            new AddSnapshot(Snapshot(11, null, 1, 2_000)),
            new SetStatistics(stats),
            new SetStatistics(stats with { FileSizeInBytes = 20 }),
            new SetPartitionStatistics(new PartitionStatisticsFile(11, "s3://b/p.parquet", 5)),
            new SetProperties(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }),
            new RemoveProperties(["a"]),
            new UpgradeFormatVersion(3),
            new SetLocation("s3://bucket/moved"),
        ], 3_000);

        Assert.Equal(20, Assert.Single(m.Statistics).FileSizeInBytes);
        Assert.Single(m.PartitionStatistics);
        Assert.False(m.Properties.ContainsKey("a"));
        Assert.Equal("2", m.Properties["b"]);
        Assert.Equal(3, m.FormatVersion);
        Assert.Equal("s3://bucket/moved", m.Location);

        var removed = MetadataUpdater.Apply(m, [new RemoveStatistics(11), new RemovePartitionStatistics(11)], 4_000);
        Assert.Empty(removed.Statistics);
        Assert.Empty(removed.PartitionStatistics);
    }

    [Fact]
    public void AnUpdateLeavingInvalidMetadata_IsRejected()
    {
        var ex = Assert.Throws<InvalidCommitException>(() =>
            MetadataUpdater.Apply(NewTable(), [new AddSnapshot(Snapshot(11, null, 1, 2_000)), new SetSnapshotRef("main", SnapshotRef.Tag(11))], 3_000));
        Assert.Contains("main", ex.Message);
    }

    [Fact]
    public void AddSnapshot_InV3_AdvancesNextRowId_AndRejectsOverlappingRowIds()
    {
        var v3 = MetadataUpdater.Apply(NewTable(), [new UpgradeFormatVersion(3)], 2_000);
        var m = MetadataUpdater.Apply(v3, [
            new AddSnapshot(Snapshot(11, null, 1, 2_500) with { FirstRowId = 0, AddedRows = 10 }),
            new SetSnapshotRef("main", SnapshotRef.Branch(11)),
        ], 3_000);

        Assert.Equal(10, m.NextRowId);
        Assert.Throws<InvalidCommitException>(() =>
            MetadataUpdater.Apply(m, [new AddSnapshot(Snapshot(12, 11, 2, 3_500) with { FirstRowId = 5, AddedRows = 1 })], 4_000));
        Assert.Throws<InvalidCommitException>(() =>
            MetadataUpdater.Apply(m, [new AddSnapshot(Snapshot(12, 11, 2, 3_500))], 4_000));
    }
}
