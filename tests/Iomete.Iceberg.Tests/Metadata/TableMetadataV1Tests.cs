using System.Text.Json.Nodes;
using Iomete.Iceberg.Json;

namespace Iomete.Iceberg.Tests.Metadata;

/// <summary>v1 specifics beyond the fixture: snapshots without refs, summary or sequence numbers.</summary>
public sealed class TableMetadataV1Tests
{
    private static JsonObject V1WithSnapshot()
    {
        var m = (JsonObject)JsonNode.Parse(Fixtures.Read("TableMetadataV1Valid.json"))!;
        m["current-snapshot-id"] = 77;
        m["snapshots"] = JsonNode.Parse("""[{"snapshot-id":77,"timestamp-ms":1602638573874,"manifest-list":"s3://a/m.avro"}]""");
        return m;
    }

    [Fact]
    public void V1CurrentSnapshotWithoutRefs_GetsAMainBranch()
    {
        var m = TableMetadataJson.Parse(V1WithSnapshot().ToJsonString());

        Assert.Equal(77, m.Ref("main")!.SnapshotId);
        Assert.True(m.Ref("main")!.IsBranch);
        Assert.Equal(0, m.CurrentSnapshot!.SequenceNumber);
        Assert.Null(m.CurrentSnapshot.Operation);
    }

    [Fact]
    public void V1Snapshot_IsWrittenWithoutSequenceNumber_AndRoundTrips()
    {
        var json = TableMetadataJson.ToJson(TableMetadataJson.Parse(V1WithSnapshot().ToJsonString()));

        Assert.DoesNotContain("sequence-number", json, StringComparison.Ordinal);
        Assert.Equal(json, TableMetadataJson.ToJson(TableMetadataJson.Parse(json)));
    }

    [Fact]
    public void V1SnapshotWithInlineManifests_IsRejectedAsUnsupported()
    {
        var m = V1WithSnapshot();
        var snapshot = m["snapshots"]![0]!.AsObject();
        snapshot.Remove("manifest-list");
        snapshot["manifests"] = new JsonArray("s3://a/1.avro");
        Assert.Contains("'manifests'", Assert.Throws<IcebergFormatException>(() => TableMetadataJson.Parse(m.ToJsonString())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void V1WithoutTableUuid_Parses_ButV2DoesNot()
    {
        var v1 = V1WithSnapshot();
        v1.Remove("table-uuid");
        Assert.Null(TableMetadataJson.Parse(v1.ToJsonString()).TableUuid);

        var v2 = (JsonObject)JsonNode.Parse(Fixtures.Read("TableMetadataV2ValidMinimal.json"))!;
        v2.Remove("table-uuid");
        Assert.Contains("'table-uuid'", Assert.Throws<IcebergFormatException>(() => TableMetadataJson.Parse(v2.ToJsonString())).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"format-version":2,"format-version":2}""", "duplicate")]
    [InlineData("""{"format-version":2""", "malformed JSON")]
    [InlineData("""{"format-version":"2"}""", "expected a 32-bit integer")]
    [InlineData("[]", "expected an object")]
    public void MalformedDocuments_FailWithAFormatException(string json, string reason) =>
        Assert.Contains(reason, Assert.Throws<IcebergFormatException>(() => TableMetadataJson.Parse(json)).Message, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void InvalidTableUuid_IsRejectedWithItsPath()
    {
        var m = (JsonObject)JsonNode.Parse(Fixtures.Read("TableMetadataV2ValidMinimal.json"))!;
        m["table-uuid"] = "not-a-uuid";
        Assert.Equal("$.table-uuid", Assert.Throws<IcebergFormatException>(() => TableMetadataJson.Parse(m.ToJsonString())).Path);
    }
}
