using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Metadata;

namespace Iomete.Iceberg.Tests.Commits;

public sealed class CommitJsonTests
{
    [Theory]
    [InlineData("""{"type":"assert-create"}""", typeof(AssertCreate))]
    [InlineData("""{"type":"assert-table-uuid","uuid":"2cc52516-5e73-41f2-b139-545d41a4e151"}""", typeof(AssertTableUuid))]
    [InlineData("""{"type":"assert-ref-snapshot-id","ref":"main","snapshot-id":null}""", typeof(AssertRefSnapshotId))]
    [InlineData("""{"type":"assert-last-assigned-field-id","last-assigned-field-id":3}""", typeof(AssertLastAssignedFieldId))]
    [InlineData("""{"type":"assert-current-schema-id","current-schema-id":0}""", typeof(AssertCurrentSchemaId))]
    [InlineData("""{"type":"assert-last-assigned-partition-id","last-assigned-partition-id":1000}""", typeof(AssertLastAssignedPartitionId))]
    [InlineData("""{"type":"assert-default-spec-id","default-spec-id":0}""", typeof(AssertDefaultSpecId))]
    [InlineData("""{"type":"assert-default-sort-order-id","default-sort-order-id":0}""", typeof(AssertDefaultSortOrderId))]
    public void EveryRequirementType_ParsesFromSpecShapedJson(string json, Type expected)
    {
        Assert.IsType(expected, TableRequirementJson.Parse(json));
    }

    [Theory]
    [InlineData("""{"action":"assign-uuid","uuid":"2cc52516-5e73-41f2-b139-545d41a4e151"}""", typeof(AssignUuid))]
    [InlineData("""{"action":"upgrade-format-version","format-version":3}""", typeof(UpgradeFormatVersion))]
    [InlineData("""{"action":"add-schema","schema":{"type":"struct","schema-id":1,"fields":[{"id":1,"name":"x","required":true,"type":"long"}]},"last-column-id":1}""", typeof(AddSchema))]
    [InlineData("""{"action":"set-current-schema","schema-id":-1}""", typeof(SetCurrentSchema))]
    [InlineData("""{"action":"add-spec","spec":{"spec-id":1,"fields":[{"source-id":1,"field-id":1000,"name":"x_b","transform":"bucket[4]"}]}}""", typeof(AddPartitionSpec))]
    [InlineData("""{"action":"set-default-spec","spec-id":-1}""", typeof(SetDefaultSpec))]
    [InlineData("""{"action":"add-sort-order","sort-order":{"order-id":1,"fields":[{"source-id":1,"transform":"identity","direction":"asc","null-order":"nulls-first"}]}}""", typeof(AddSortOrder))]
    [InlineData("""{"action":"set-default-sort-order","sort-order-id":-1}""", typeof(SetDefaultSortOrder))]
    [InlineData("""{"action":"add-snapshot","snapshot":{"snapshot-id":7,"sequence-number":1,"timestamp-ms":5,"manifest-list":"s3://b/m.avro","summary":{"operation":"append"}}}""", typeof(AddSnapshot))]
    [InlineData("""{"action":"set-snapshot-ref","ref-name":"v1","type":"tag","snapshot-id":7,"max-ref-age-ms":1000}""", typeof(SetSnapshotRef))]
    [InlineData("""{"action":"remove-snapshots","snapshot-ids":[7,8]}""", typeof(RemoveSnapshots))]
    [InlineData("""{"action":"remove-snapshot-ref","ref-name":"v1"}""", typeof(RemoveSnapshotRef))]
    [InlineData("""{"action":"set-location","location":"s3://b/new"}""", typeof(SetLocation))]
    [InlineData("""{"action":"set-properties","updates":{"a":"1"}}""", typeof(SetProperties))]
    [InlineData("""{"action":"remove-properties","removals":["a"]}""", typeof(RemoveProperties))]
    [InlineData("""{"action":"set-statistics","snapshot-id":7,"statistics":{"snapshot-id":7,"statistics-path":"s3://b/s.puffin","file-size-in-bytes":10,"file-footer-size-in-bytes":4,"blob-metadata":[]}}""", typeof(SetStatistics))]
    [InlineData("""{"action":"remove-statistics","snapshot-id":7}""", typeof(RemoveStatistics))]
    [InlineData("""{"action":"set-partition-statistics","partition-statistics":{"snapshot-id":7,"statistics-path":"s3://b/p.parquet","file-size-in-bytes":10}}""", typeof(SetPartitionStatistics))]
    [InlineData("""{"action":"remove-partition-statistics","snapshot-id":7}""", typeof(RemovePartitionStatistics))]
    [InlineData("""{"action":"remove-partition-specs","spec-ids":[1]}""", typeof(RemovePartitionSpecs))]
    [InlineData("""{"action":"remove-schemas","schema-ids":[1]}""", typeof(RemoveSchemas))]
    public void EveryUpdateAction_ParsesFromSpecShapedJson(string json, Type expected)
    {
        var update = TableUpdateJson.Parse(json);
        Assert.IsType(expected, update);
        Assert.Equal(System.Text.Json.Nodes.JsonNode.Parse(json)!["action"]!.GetValue<string>(), update.Action);
    }

    [Fact]
    public void SetSnapshotRef_ReadsTheInlineRef()
    {
        var update = Assert.IsType<SetSnapshotRef>(TableUpdateJson.Parse(
            """{"action":"set-snapshot-ref","ref-name":"v1","type":"tag","snapshot-id":7,"max-ref-age-ms":1000}"""));
        Assert.Equal("v1", update.RefName);
        Assert.Equal(new SnapshotRef(7, SnapshotRefType.Tag, MaxRefAgeMs: 1000), update.Ref);
    }

    [Fact]
    public void UnknownAction_IsRejectedNamingIt()
    {
        var ex = Assert.Throws<IcebergFormatException>(() => TableUpdateJson.Parse("""{"action":"drop-everything"}"""));
        Assert.Contains("drop-everything", ex.Message);
    }

    [Fact]
    public void UnknownRequirementType_IsRejectedNamingIt()
    {
        var ex = Assert.Throws<IcebergFormatException>(() => TableRequirementJson.Parse("""{"type":"assert-nothing"}"""));
        Assert.Contains("assert-nothing", ex.Message);
    }

    [Theory]
    [InlineData("""{"action":"set-location"}""", "location")]
    [InlineData("""{"action":"remove-snapshots"}""", "snapshot-ids")]
    [InlineData("""{"snapshot-id":1}""", "action")]
    public void UpdateWithoutARequiredMember_IsRejectedNamingIt(string json, string member)
    {
        var ex = Assert.Throws<IcebergFormatException>(() => TableUpdateJson.Parse(json));
        Assert.Contains(member, ex.Message);
    }

    [Fact]
    public void AssertRefSnapshotId_WithoutSnapshotIdMember_IsRejected()
    {
        Assert.Throws<IcebergFormatException>(() => TableRequirementJson.Parse("""{"type":"assert-ref-snapshot-id","ref":"main"}"""));
    }
}

public sealed class CommitJsonListTests
{
    [Fact]
    public void ReadList_NamesTheIndexOfTheBadElement()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse("""[{"action":"set-location","location":"s3://a"},{"action":"nope"}]""");

        var ex = Assert.Throws<IcebergFormatException>(() => TableUpdateJson.ReadList(node, "$.updates"));
        Assert.Equal("$.updates[1].action", ex.Path);
    }

    [Fact]
    public void ReadList_ReadsRequirementsInOrder()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(
            """[{"type":"assert-table-uuid","uuid":"2cc52516-5e73-41f2-b139-545d41a4e151"},{"type":"assert-ref-snapshot-id","ref":"main","snapshot-id":5}]""");

        var list = TableRequirementJson.ReadList(node, "$.requirements");
        Assert.IsType<AssertTableUuid>(list[0]);
        Assert.Equal(new AssertRefSnapshotId("main", 5), list[1]);
    }
}
