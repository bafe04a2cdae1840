using System.Text.Json.Nodes;
using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Tests.Json;

public sealed class CommitJsonWriteTests
{
    private static readonly Guid Uuid = Guid.Parse("2cc52516-5e73-41f2-b139-545d41a4e151");

    private static readonly Schema Schema = new(3, [
        new NestedField(1, "id", true, IcebergTypes.Long),
        new NestedField(2, "tags", false, new ListType(3, IcebergTypes.String, false)),
    ], identifierFieldIds: [1]);

    private static readonly TableRequirement[] AllRequirements =
    [
        new AssertCreate(),
        new AssertTableUuid(Uuid),
        new AssertRefSnapshotId("main", 42),
        new AssertRefSnapshotId("audit", null),
        new AssertLastAssignedFieldId(3),
        new AssertCurrentSchemaId(0),
        new AssertLastAssignedPartitionId(1000),
        new AssertDefaultSpecId(1),
        new AssertDefaultSortOrderId(2),
    ];

    private static readonly TableUpdate[] AllUpdates =
    [
        new AssignUuid(Uuid),
        new UpgradeFormatVersion(3),
        new AddSchema(Schema),
        new AddSchema(Schema, LastColumnId: 3),
        new SetCurrentSchema(TableUpdate.LastAdded),
        new AddPartitionSpec(new PartitionSpec(1, [new PartitionField(1, 1000, "id_bucket", Transform.Bucket(16))])),
        new SetDefaultSpec(1),
        new AddSortOrder(new SortOrder(1, [new SortField(1, Transform.Identity, SortDirection.Desc, NullOrder.NullsLast)])),
        new SetDefaultSortOrder(TableUpdate.LastAdded),
        new AddSnapshot(new Snapshot(7, 6, 2, 1_700_000_000_000, "s3://b/t/metadata/snap-7.avro",
            new Dictionary<string, string> { ["operation"] = "append", ["added-records"] = "10" }, SchemaId: 3) { FirstRowId = 100, AddedRows = 10 }),
        new AddSnapshot(new Snapshot(8, null, 1, 5, "s3://b/t/metadata/snap-8.avro", new Dictionary<string, string> { ["operation"] = "append" })),
        new SetSnapshotRef("main", SnapshotRef.Branch(7)),
        new SetSnapshotRef("audit", new SnapshotRef(7, SnapshotRefType.Branch, MinSnapshotsToKeep: 2, MaxSnapshotAgeMs: 3_600_000, MaxRefAgeMs: 86_400_000)),
        new SetSnapshotRef("v1", new SnapshotRef(7, SnapshotRefType.Tag, MaxRefAgeMs: 1000)),
        new RemoveSnapshots([6L, 5L]),
        new RemoveSnapshotRef("v1"),
        new SetLocation("s3://b/elsewhere"),
        new SetProperties(new Dictionary<string, string> { ["a"] = "1", ["write.format.default"] = "parquet" }),
        new RemoveProperties(["a", "b"]),
        new SetStatistics(new StatisticsFile(7, "s3://b/s.puffin", 100, 20, [
            new BlobMetadata("apache-datasketches-theta-v1", 7, 2, [1, 2], new Dictionary<string, string> { ["ndv"] = "4" }),
            new BlobMetadata("other", 7, 2, [3]),
        ])),
        new RemoveStatistics(7),
        new SetPartitionStatistics(new PartitionStatisticsFile(7, "s3://b/p.parquet", 50)),
        new RemovePartitionStatistics(7),
        new RemovePartitionSpecs([0, 1]),
        new RemoveSchemas([0]),
    ];

    public static TheoryData<TableRequirement> Requirements() => [.. AllRequirements];

    public static TheoryData<TableUpdate> Updates() => [.. AllUpdates];

    [Theory]
    [MemberData(nameof(Requirements))]
    public void EveryRequirement_WrittenThenRead_IsEqual(TableRequirement requirement)
    {
        var json = TableRequirementJson.ToJson(requirement);

        Assert.Equal(requirement, TableRequirementJson.Parse(json));
        Assert.Equal(requirement.Type, JsonNode.Parse(json)!["type"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Updates))]
    public void EveryUpdate_WrittenThenRead_IsEqual(TableUpdate update)
    {
        var json = TableUpdateJson.ToJson(update);

        DeepEquality.AssertEqual(update, TableUpdateJson.Parse(json));
        Assert.Equal(update.Action, JsonNode.Parse(json)!["action"]!.GetValue<string>());
    }

    [Fact]
    public void TheTestData_CoversEveryRequirementAndUpdateTypeOfTheLibrary()
    {
        static HashSet<Type> Concrete(Type root) =>
            [.. root.Assembly.GetTypes().Where(t => t.IsSubclassOf(root) && !t.IsAbstract && t.Namespace == root.Namespace)];

        Assert.Equal(Concrete(typeof(TableRequirement)), AllRequirements.Select(r => r.GetType()).ToHashSet());
        Assert.Equal(Concrete(typeof(TableUpdate)), AllUpdates.Select(u => u.GetType()).ToHashSet());
    }

    [Theory]
    [InlineData("""{"type":"assert-ref-snapshot-id","ref":"main","snapshot-id":null}""")]
    [InlineData("""{"type":"assert-last-assigned-partition-id","last-assigned-partition-id":1000}""")]
    [InlineData("""{"action":"add-schema","schema":{"type":"struct","schema-id":1,"fields":[{"id":1,"name":"x","required":true,"type":"long"}]},"last-column-id":1}""")]
    [InlineData("""{"action":"set-snapshot-ref","ref-name":"v1","snapshot-id":7,"type":"tag","max-ref-age-ms":1000}""")]
    [InlineData("""{"action":"set-statistics","snapshot-id":7,"statistics":{"snapshot-id":7,"statistics-path":"s3://b/s.puffin","file-size-in-bytes":10,"file-footer-size-in-bytes":4,"blob-metadata":[]}}""")]
    [InlineData("""{"action":"remove-snapshots","snapshot-ids":[7,8]}""")]
    public void SpecShapedJson_ReadThenWritten_IsTheSameJson(string json)
    {
        var written = JsonNode.Parse(json)!["action"] is null
            ? TableRequirementJson.ToJson(TableRequirementJson.Parse(json))
            : TableUpdateJson.ToJson(TableUpdateJson.Parse(json));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void AV1Snapshot_IsWrittenWithoutSequenceNumber_AndReadBackAsV1()
    {
        var update = new AddSnapshot(new Snapshot(9, null, 0, 5, "s3://b/snap-9.avro", new Dictionary<string, string> { ["operation"] = "append" }));

        var json = TableUpdateJson.ToJson(update, formatVersion: 1);

        Assert.Null(JsonNode.Parse(json)!["snapshot"]!["sequence-number"]);
        DeepEquality.AssertEqual(update, TableUpdateJson.Parse(json, formatVersion: 1));
    }

    [Fact]
    public void WriteList_WritesAnArrayThatReadListReadsInOrder()
    {
        var updates = AllUpdates.ToList();
        var requirements = AllRequirements.ToList();

        var updatesJson = JsonWrite.ToString(w => TableUpdateJson.WriteList(w, updates));
        var requirementsJson = JsonWrite.ToString(w => TableRequirementJson.WriteList(w, requirements));

        DeepEquality.AssertEqual(updates, TableUpdateJson.ReadList(JsonNode.Parse(updatesJson), "$").ToList());
        Assert.Equal(requirements, TableRequirementJson.ReadList(JsonNode.Parse(requirementsJson), "$"));
    }

    [Fact]
    public void AViewOnlyUpdate_IsNotATableUpdate()
    {
        var update = new Iomete.Iceberg.Views.SetCurrentViewVersion(1);

        Assert.Throws<ArgumentException>(() => TableUpdateJson.ToJson(update));
    }
}

public sealed class DeepEqualityTests
{
    [Fact]
    public void ADifferenceInsideAListOrMap_IsSeen()
    {
        var a = new Iomete.Iceberg.Commits.RemoveSnapshots([1L, 2L]);
        var b = new Iomete.Iceberg.Commits.RemoveSnapshots([1L, 3L]);
        var c = new Iomete.Iceberg.Commits.SetProperties(new Dictionary<string, string> { ["k"] = "1" });
        var d = new Iomete.Iceberg.Commits.SetProperties(new Dictionary<string, string> { ["k"] = "2" });

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => DeepEquality.AssertEqual(a, b));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => DeepEquality.AssertEqual(c, d));
        DeepEquality.AssertEqual(a, new Iomete.Iceberg.Commits.RemoveSnapshots(new List<long> { 1, 2 }));
    }
}
