using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;

namespace Iomete.Iceberg.Metadata;

/// <summary>
/// Immutable table metadata (format v1, v2 or v3) as the spec defines it. Instances come from
/// <see cref="Json.TableMetadataJson.Parse"/> (validated) or <see cref="NewTable"/>; collections are
/// read-only and compared by reference, so compare two metadata by their JSON.
/// </summary>
public sealed partial record TableMetadata
{
    public const int MinFormatVersion = 1;
    public const int MaxFormatVersion = 3;

    public required int FormatVersion { get; init; }

    /// <summary>Optional in v1 only.</summary>
    public Guid? TableUuid { get; init; }

    public required string Location { get; init; }

    /// <summary>0 for v1 tables.</summary>
    public long LastSequenceNumber { get; init; }

    public required long LastUpdatedMs { get; init; }

    public required int LastColumnId { get; init; }

    public required IReadOnlyList<Schema> Schemas { get; init; }

    public required int CurrentSchemaId { get; init; }

    public required IReadOnlyList<PartitionSpec> PartitionSpecs { get; init; }

    public required int DefaultSpecId { get; init; }

    public required int LastPartitionId { get; init; }

    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>Null when the table has no current snapshot (written as -1).</summary>
    public long? CurrentSnapshotId { get; init; }

    public IReadOnlyList<Snapshot> Snapshots { get; init; } = [];

    public IReadOnlyList<SnapshotLogEntry> SnapshotLog { get; init; } = [];

    public IReadOnlyList<MetadataLogEntry> MetadataLog { get; init; } = [];

    public required IReadOnlyList<SortOrder> SortOrders { get; init; }

    public required int DefaultSortOrderId { get; init; }

    /// <summary>Branches and tags by name; <c>main</c> points at the current snapshot when there is one.</summary>
    public IReadOnlyDictionary<string, SnapshotRef> Refs { get; init; } = new Dictionary<string, SnapshotRef>();

    public IReadOnlyList<StatisticsFile> Statistics { get; init; } = [];

    public IReadOnlyList<PartitionStatisticsFile> PartitionStatistics { get; init; } = [];

    /// <summary>v3: the first row id to assign to the next added rows; null before v3.</summary>
    public long? NextRowId { get; init; }

    public Schema CurrentSchema => SchemaById(CurrentSchemaId)
        ?? throw new InvalidOperationException($"current-schema-id {CurrentSchemaId} is not among the schemas");

    public PartitionSpec DefaultSpec => SpecById(DefaultSpecId)
        ?? throw new InvalidOperationException($"default-spec-id {DefaultSpecId} is not among the partition specs");

    public SortOrder DefaultSortOrder => SortOrderById(DefaultSortOrderId)
        ?? throw new InvalidOperationException($"default-sort-order-id {DefaultSortOrderId} is not among the sort orders");

    public Snapshot? CurrentSnapshot => CurrentSnapshotId is { } id ? SnapshotById(id) : null;

    public Schema? SchemaById(int schemaId) => Schemas.FirstOrDefault(s => s.SchemaId == schemaId);

    public PartitionSpec? SpecById(int specId) => PartitionSpecs.FirstOrDefault(s => s.SpecId == specId);

    public SortOrder? SortOrderById(int orderId) => SortOrders.FirstOrDefault(o => o.OrderId == orderId);

    public Snapshot? SnapshotById(long snapshotId) => Snapshots.FirstOrDefault(s => s.SnapshotId == snapshotId);

    public SnapshotRef? Ref(string name) => Refs.TryGetValue(name, out var r) ? r : null;

    /// <summary>The snapshot a branch or tag points at, or null.</summary>
    public Snapshot? SnapshotForRef(string name) => Ref(name) is { } r ? SnapshotById(r.SnapshotId) : null;
}
