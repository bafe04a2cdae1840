using Iomete.Iceberg.Json;
using Iomete.Iceberg.Metadata;

namespace Iomete.Iceberg.Tests.Metadata;

public sealed class TableMetadataFixtureTests
{
    public static TheoryData<string> ValidFixtures => new()
    {
        "TableMetadataV1Valid.json",
        "TableMetadataV2Valid.json",
        "TableMetadataV2ValidMinimal.json",
        "TableMetadataV3ValidMinimal.json",
        "TableMetadataStatisticsFiles.json",
        "TableMetadataPartitionStatisticsFiles.json",
    };

    public static TheoryData<string, string> InvalidFixtures => new()
    {
        { "TableMetadataUnsupportedVersion.json", "Cannot read unsupported version 42" },
        { "TableMetadataV1MissingSchemaType.json", "missing required member 'type'" },
        { "TableMetadataV2MissingPartitionSpecs.json", "partition-specs must exist in format v2" },
        { "TableMetadataV2MissingLastPartitionId.json", "last-partition-id must exist in format v2" },
        { "TableMetadataV2MissingSortOrder.json", "sort-orders must exist in format v2" },
        { "TableMetadataV2CurrentSchemaNotFound.json", "Cannot find schema with current-schema-id=2 from schemas" },
        { "TableMetadataV2MissingSchemas.json", "schemas must exist in format v2" },
    };

    [Theory]
    [MemberData(nameof(ValidFixtures))]
    public void ValidFixture_Parses_AndRoundTripsThroughTheWriter(string name)
    {
        var parsed = TableMetadataJson.Parse(Fixtures.Read(name));
        var written = TableMetadataJson.ToJson(parsed);
        var reparsed = TableMetadataJson.Parse(written);

        Assert.Equal(written, TableMetadataJson.ToJson(reparsed));
        Assert.Equal(parsed.FormatVersion, reparsed.FormatVersion);
        Assert.Equal(parsed.Schemas, reparsed.Schemas);
        Assert.Equal(parsed.PartitionSpecs, reparsed.PartitionSpecs);
        Assert.Equal(parsed.SortOrders, reparsed.SortOrders);
        Assert.Equal(parsed.Snapshots.Select(s => s.SnapshotId), reparsed.Snapshots.Select(s => s.SnapshotId));
        Assert.Equal(parsed.Refs, reparsed.Refs);
        Assert.Equal(parsed.CurrentSnapshotId, reparsed.CurrentSnapshotId);
    }

    [Theory]
    [MemberData(nameof(InvalidFixtures))]
    public void InvalidFixture_FailsWithAFormatExceptionSayingWhy(string name, string reason)
    {
        var ex = Assert.Throws<IcebergFormatException>(() => TableMetadataJson.Parse(Fixtures.Read(name)));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Path);
    }

    [Fact]
    public void V2Valid_KeepsSnapshotIdsAbove2Pow53Exact_AndResolvesCurrentSnapshotAndMain()
    {
        var m = TableMetadataJson.Parse(Fixtures.Read("TableMetadataV2Valid.json"));

        Assert.Equal(3055729675574597004L, m.CurrentSnapshotId);
        var current = Assert.IsType<Snapshot>(m.CurrentSnapshot);
        Assert.Equal(3051729675574597004L, current.ParentSnapshotId);
        Assert.Equal("append", current.Operation);
        Assert.Equal(1, current.SchemaId);
        Assert.Equal(SnapshotRef.Branch(3055729675574597004L), m.Ref("main"));
        Assert.Same(current, m.SnapshotForRef("main"));
        Assert.Equal(1, m.CurrentSchema.SchemaId);
        Assert.Equal([1, 2], m.CurrentSchema.IdentifierFieldIds);
        Assert.Equal(0, m.DefaultSpec.SpecId);
        Assert.Equal(3, m.DefaultSortOrder.OrderId);
        Assert.Equal(2, m.SnapshotLog.Count);
        Assert.Contains("3055729675574597004", TableMetadataJson.ToJson(m), StringComparison.Ordinal);
    }

    [Fact]
    public void V1Valid_IsUpgradedInMemory_AndWrittenBackAsV1WithBothForms()
    {
        var m = TableMetadataJson.Parse(Fixtures.Read("TableMetadataV1Valid.json"));

        Assert.Equal(1, m.FormatVersion);
        Assert.Equal(0, m.CurrentSchemaId);
        Assert.Equal(3, m.CurrentSchema.Fields.Count);
        Assert.Equal(1000, Assert.Single(m.DefaultSpec.Fields).FieldId);
        Assert.Equal(1000, m.LastPartitionId);
        Assert.True(m.DefaultSortOrder.IsUnsorted);
        Assert.Null(m.CurrentSnapshotId);
        Assert.Null(m.CurrentSnapshot);
        Assert.Empty(m.Refs);
        Assert.Equal(0, m.LastSequenceNumber);

        var json = TableMetadataJson.ToJson(m);
        Assert.Contains("\"schema\":{", json, StringComparison.Ordinal);
        Assert.Contains("\"partition-spec\":[", json, StringComparison.Ordinal);
        Assert.Contains("\"current-snapshot-id\":-1", json, StringComparison.Ordinal);
        Assert.DoesNotContain("last-sequence-number", json, StringComparison.Ordinal);
    }

    [Fact]
    public void V3Minimal_ReadsNextRowIdAndFieldDefaults()
    {
        var m = TableMetadataJson.Parse(Fixtures.Read("TableMetadataV3ValidMinimal.json"));

        Assert.Equal(3, m.FormatVersion);
        Assert.Equal(0, m.NextRowId);
        Assert.NotNull(m.CurrentSchema.FindField(1)!.InitialDefault);
        Assert.Contains("\"next-row-id\":0", TableMetadataJson.ToJson(m), StringComparison.Ordinal);
    }

    [Fact]
    public void StatisticsFixtures_ReadTheirFiles()
    {
        var stats = Assert.Single(TableMetadataJson.Parse(Fixtures.Read("TableMetadataStatisticsFiles.json")).Statistics);
        Assert.Equal("s3://a/b/stats.puffin", stats.StatisticsPath);
        Assert.Equal(413, stats.FileSizeInBytes);
        Assert.Equal(42, stats.FileFooterSizeInBytes);
        var blob = Assert.Single(stats.BlobMetadata);
        Assert.Equal("ndv", blob.Type);
        Assert.Equal([1], blob.Fields);

        var partitionStats = Assert.Single(TableMetadataJson.Parse(Fixtures.Read("TableMetadataPartitionStatisticsFiles.json")).PartitionStatistics);
        Assert.Equal(new PartitionStatisticsFile(3055729675574597004L, "s3://a/b/partition-stats.parquet", 43), partitionStats);
    }
}
