using Iomete.Iceberg.Json;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Tests.Metadata;

public sealed class NewTableTests
{
    private static readonly Schema Schema = new(5, [
        new NestedField(10, "id", true, IcebergTypes.Long),
        new NestedField(20, "ts", false, IcebergTypes.TimestampTz),
    ]);

    private static readonly PartitionSpec Spec = new(3, [new PartitionField(20, 1500, "ts_day", Transform.Parse("day", "$"))]);

    private static readonly SortOrder Order = new(4, [SortField.Of(10, SortDirection.Desc)]);

    [Fact]
    public void NewTable_AssignsFreshIds_AndRemapsSpecAndSortSources()
    {
        var m = TableMetadata.NewTable(Schema, Spec, Order, "s3://b/db/t/", tableUuid: Guid.Empty, timestampMs: 42);

        Assert.Equal([1, 2], m.CurrentSchema.Fields.Select(f => f.Id));
        Assert.Equal(0, m.CurrentSchemaId);
        Assert.Equal(2, m.LastColumnId);
        var field = Assert.Single(m.DefaultSpec.Fields);
        Assert.Equal((2, 1000), (field.SourceId, field.FieldId));
        Assert.Equal(0, m.DefaultSpecId);
        Assert.Equal(1000, m.LastPartitionId);
        Assert.Equal(1, m.DefaultSortOrderId);
        Assert.Equal(1, Assert.Single(m.DefaultSortOrder.Fields).SourceId);
        Assert.Equal(42, m.LastUpdatedMs);
        Assert.Equal(Guid.Empty, m.TableUuid);
        Assert.Null(m.CurrentSnapshot);
        Assert.Null(m.NextRowId);
    }

    [Fact]
    public void NewTable_TrimsTheLocation_AndAddsDefaultProperties()
    {
        var m = TableMetadata.NewTable(Schema, Spec, Order, "s3://b/db/t/", new Dictionary<string, string> { ["owner"] = "ann" });

        Assert.Equal("s3://b/db/t", m.Location);
        Assert.Equal("ann", m.Properties["owner"]);
        Assert.Equal("zstd", m.Properties[TableMetadata.ParquetCompressionProperty]);
        Assert.NotEqual(Guid.Empty, m.TableUuid);
    }

    [Fact]
    public void NewTable_FormatVersionProperty_SelectsTheVersionAndIsNotStored()
    {
        var m = TableMetadata.NewTable(Schema, PartitionSpec.Unpartitioned, SortOrder.Unsorted, "mem://t",
            new Dictionary<string, string> { ["format-version"] = "3" });

        Assert.Equal(3, m.FormatVersion);
        Assert.Equal(0, m.NextRowId);
        Assert.False(m.Properties.ContainsKey("format-version"));
        Assert.Equal(999, m.LastPartitionId);
        Assert.Equal(0, m.DefaultSortOrderId);
    }

    [Fact]
    public void NewTable_WithUnsupportedVersion_Throws() =>
        Assert.Throws<ArgumentException>(() => TableMetadata.NewTable(Schema, Spec, Order, "mem://t", formatVersion: 4));

    [Fact]
    public void NewTable_WithSpecOnUnknownColumn_Throws() =>
        Assert.Throws<SchemaValidationException>(() => TableMetadata.NewTable(
            Schema, new PartitionSpec(0, [new PartitionField(99, 1000, "x", Transform.Parse("identity", "$"))]), Order, "mem://t"));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void NewTable_WritesJsonThatParsesBack(int version)
    {
        var m = TableMetadata.NewTable(Schema, Spec, Order, "mem://t", formatVersion: version);
        var json = TableMetadataJson.ToJson(m);

        Assert.Equal(json, TableMetadataJson.ToJson(TableMetadataJson.Parse(json)));
    }

    [Fact]
    public void Validate_AcceptsANewTable_AndRejectsABrokenChange()
    {
        var m = TableMetadata.NewTable(Schema, Spec, Order, "mem://t", formatVersion: 3);
        TableMetadataJson.Validate(m);

        var ex = Assert.Throws<IcebergFormatException>(() => TableMetadataJson.Validate(m with { CurrentSnapshotId = 5 }));
        Assert.Equal("$.current-snapshot-id", ex.Path);
        Assert.Throws<IcebergFormatException>(() => TableMetadataJson.Validate(m with { NextRowId = null }));
        Assert.Throws<IcebergFormatException>(() => TableMetadataJson.Validate(m with { DefaultSpecId = 1 }));
    }
}
