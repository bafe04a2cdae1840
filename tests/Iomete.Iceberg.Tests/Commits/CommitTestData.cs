using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Tests.Commits;

internal static class CommitTestData
{
    public static readonly Guid Uuid = Guid.Parse("2cc52516-5e73-41f2-b139-545d41a4e151");

    public static TableMetadata NewTable() => TableMetadata.NewTable(
        new Schema(0, [new NestedField(1, "id", true, IcebergTypes.Long), new NestedField(2, "name", false, IcebergTypes.String)]),
        PartitionSpec.Unpartitioned,
        SortOrder.Unsorted,
        "s3://bucket/db/t",
        tableUuid: Uuid,
        timestampMs: 1_000);

    public static Snapshot Snapshot(long id, long? parent, long sequence, long timestampMs) =>
        new(id, parent, sequence, timestampMs, $"s3://bucket/db/t/metadata/snap-{id}.avro",
            new Dictionary<string, string> { ["operation"] = SnapshotOperations.Append });
}
