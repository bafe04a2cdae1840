using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Metadata;

namespace Iomete.Iceberg.Tests.Commits;

public sealed class TableRequirementTests
{
    private static readonly TableMetadata WithSnapshot = MetadataUpdater.Apply(
        CommitTestData.NewTable(),
        [new AddSnapshot(CommitTestData.Snapshot(11, null, 1, 2_000)), new SetSnapshotRef("main", SnapshotRef.Branch(11))],
        3_000);

    public static TheoryData<TableRequirement> Passing => new()
    {
        new AssertTableUuid(CommitTestData.Uuid),
        new AssertRefSnapshotId("main", 11),
        new AssertRefSnapshotId("dev", null),
        new AssertLastAssignedFieldId(2),
        new AssertCurrentSchemaId(0),
        new AssertLastAssignedPartitionId(999),
        new AssertDefaultSpecId(0),
        new AssertDefaultSortOrderId(0),
    };

    public static TheoryData<TableRequirement, string> Failing => new()
    {
        { new AssertTableUuid(Guid.Empty), "assert-table-uuid" },
        { new AssertRefSnapshotId("main", null), "assert-ref-snapshot-id" },
        { new AssertLastAssignedFieldId(5), "assert-last-assigned-field-id" },
        { new AssertCurrentSchemaId(1), "assert-current-schema-id" },
        { new AssertLastAssignedPartitionId(1000), "assert-last-assigned-partition-id" },
        { new AssertDefaultSpecId(1), "assert-default-spec-id" },
        { new AssertDefaultSortOrderId(1), "assert-default-sort-order-id" },
        { new AssertCreate(), "assert-create" },
    };

    [Theory]
    [MemberData(nameof(Passing))]
    public void Requirement_ThatHolds_Passes(TableRequirement requirement)
    {
        requirement.Check(WithSnapshot);
    }

    [Theory]
    [MemberData(nameof(Failing))]
    public void Requirement_ThatDoesNotHold_ThrowsConflictNamingIt(TableRequirement requirement, string name)
    {
        var ex = Assert.Throws<CommitConflictException>(() => requirement.Check(WithSnapshot));
        Assert.Contains(name, ex.Message);
    }

    [Fact]
    public void AssertCreate_PassesOnlyWhenTheTableDoesNotExist()
    {
        new AssertCreate().Check(null);
        Assert.Throws<CommitConflictException>(() => new AssertCreate().Check(WithSnapshot));
        Assert.Throws<CommitConflictException>(() => new AssertCurrentSchemaId(0).Check(null));
    }

    [Fact]
    public void AssertRefSnapshotId_WithAStaleId_FailsWithExpectedAndActual()
    {
        var advanced = MetadataUpdater.Apply(WithSnapshot,
            [new AddSnapshot(CommitTestData.Snapshot(12, 11, 2, 4_000)), new SetSnapshotRef("main", SnapshotRef.Branch(12))],
            5_000);

        var ex = Assert.Throws<CommitConflictException>(() => new AssertRefSnapshotId("main", 11).Check(advanced));
        Assert.Contains("expected 11, found 12", ex.Message);
    }
}
