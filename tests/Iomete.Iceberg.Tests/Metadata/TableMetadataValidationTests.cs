using System.Text.Json.Nodes;
using Iomete.Iceberg.Json;

namespace Iomete.Iceberg.Tests.Metadata;

/// <summary>Each cross-member rule, shown by breaking the valid v2 fixture in one place.</summary>
public sealed class TableMetadataValidationTests
{
    private static JsonObject V2() => (JsonObject)JsonNode.Parse(Fixtures.Read("TableMetadataV2Valid.json"))!;

    private static IcebergFormatException Fails(JsonObject metadata) =>
        Assert.Throws<IcebergFormatException>(() => TableMetadataJson.Parse(metadata.ToJsonString()));

    [Fact]
    public void UnknownDefaultSpecId_IsRejected()
    {
        var m = V2();
        m["default-spec-id"] = 7;
        Assert.Contains("default-spec-id=7", Fails(m).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownDefaultSortOrderId_IsRejected()
    {
        var m = V2();
        m["default-sort-order-id"] = 9;
        Assert.Contains("default-sort-order-id=9", Fails(m).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCurrentSnapshotId_IsRejected()
    {
        var m = V2();
        m["current-snapshot-id"] = 12345;
        Assert.Contains("current-snapshot-id=12345", Fails(m).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CurrentSnapshotIdMinusOne_MeansNoCurrentSnapshot()
    {
        var m = V2();
        m["current-snapshot-id"] = -1;
        m["refs"] = new JsonObject();
        var parsed = TableMetadataJson.Parse(m.ToJsonString());
        Assert.Null(parsed.CurrentSnapshot);
        Assert.Null(parsed.Ref("main"));
    }

    [Fact]
    public void RefToUnknownSnapshot_IsRejected()
    {
        var m = V2();
        m["refs"] = JsonNode.Parse("""{"main":{"snapshot-id":3055729675574597004,"type":"branch"},"t1":{"snapshot-id":5,"type":"tag"}}""");
        var ex = Fails(m);
        Assert.Contains("unknown snapshot 5", ex.Message, StringComparison.Ordinal);
        Assert.Equal("$.refs.t1", ex.Path);
    }

    [Fact]
    public void MainThatDisagreesWithCurrentSnapshot_IsRejected()
    {
        var m = V2();
        m["refs"] = JsonNode.Parse("""{"main":{"snapshot-id":3051729675574597004,"type":"branch"}}""");
        Assert.Contains("main points to 3051729675574597004", Fails(m).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefsWithRetention_AreReadAndWrittenBack()
    {
        var m = V2();
        m["refs"] = JsonNode.Parse("""
            {"main":{"snapshot-id":3055729675574597004,"type":"branch","min-snapshots-to-keep":2,"max-snapshot-age-ms":1000,"max-ref-age-ms":5000},
             "v1":{"snapshot-id":3051729675574597004,"type":"tag","max-ref-age-ms":7}}
            """);
        var parsed = TableMetadataJson.Parse(m.ToJsonString());
        Assert.Equal(new Iceberg.Metadata.SnapshotRef(3055729675574597004, Iceberg.Metadata.SnapshotRefType.Branch, 2, 1000, 5000), parsed.Ref("main"));
        Assert.Equal(7, parsed.Ref("v1")!.MaxRefAgeMs);
        Assert.Equal(parsed.Refs, TableMetadataJson.Parse(TableMetadataJson.ToJson(parsed)).Refs);
    }

    [Fact]
    public void TagWithBranchRetention_IsRejected()
    {
        var m = V2();
        m["refs"] = JsonNode.Parse("""{"main":{"snapshot-id":3055729675574597004,"type":"branch"},"t":{"snapshot-id":3055729675574597004,"type":"tag","min-snapshots-to-keep":1}}""");
        Assert.Contains("tags do not support", Fails(m).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotLogReferringToUnknownSnapshot_IsRejected()
    {
        var m = V2();
        ((JsonArray)m["snapshot-log"]!).Add(JsonNode.Parse("""{"snapshot-id":77,"timestamp-ms":1555100955771}"""));
        Assert.Contains("unknown snapshot 77", Fails(m).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotLogOutOfOrder_IsRejected()
    {
        var m = V2();
        m["snapshot-log"]![0]!["timestamp-ms"] = 1655100955770;
        Assert.Contains("timestamp order", Fails(m).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void V2WithoutLastSequenceNumber_IsRejected()
    {
        var m = V2();
        m.Remove("last-sequence-number");
        Assert.Contains("last-sequence-number must exist in format v2", Fails(m).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotSequenceNumberAboveLastSequenceNumber_IsRejected()
    {
        var m = V2();
        m["last-sequence-number"] = 0;
        Assert.Contains("above last-sequence-number 0", Fails(m).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void V2SnapshotWithoutSummary_IsRejected()
    {
        var m = V2();
        m["snapshots"]![0]!.AsObject().Remove("summary");
        Assert.Equal("$.snapshots[0]", Fails(m).Path);
    }

    [Fact]
    public void DuplicateSnapshotIds_AreRejected()
    {
        var m = V2();
        m["snapshots"]![0]!["snapshot-id"] = 3055729675574597004;
        m["snapshot-log"] = new JsonArray();
        Assert.Contains("duplicate snapshot-id", Fails(m).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LastColumnIdBelowHighestFieldId_IsRejected()
    {
        var m = V2();
        m["last-column-id"] = 2;
        Assert.Equal("$.last-column-id", Fails(m).Path);
    }

    [Fact]
    public void SortOrderOnUnknownColumn_IsRejected()
    {
        var m = V2();
        m["sort-orders"]![0]!["fields"]![0]!["source-id"] = 99;
        Assert.Equal("$.sort-orders", Fails(m).Path);
    }

    [Fact]
    public void V3WithoutNextRowId_IsRejected()
    {
        var m = (JsonObject)JsonNode.Parse(Fixtures.Read("TableMetadataV3ValidMinimal.json"))!;
        m.Remove("next-row-id");
        Assert.Contains("next-row-id must exist in format v3", Fails(m).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PropertyThatIsNotAString_IsRejectedWithItsPath()
    {
        var m = V2();
        m["properties"] = JsonNode.Parse("""{"a":1}""");
        Assert.Equal("$.properties.a", Fails(m).Path);
    }
}
