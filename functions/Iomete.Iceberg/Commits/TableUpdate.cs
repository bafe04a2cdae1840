using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;

namespace Iomete.Iceberg.Commits;

/// <summary>A metadata update action (the spec's <c>TableUpdate</c>); applied by <see cref="MetadataUpdater"/>.</summary>
public abstract record TableUpdate
{
    /// <summary>The spec's <c>action</c> discriminator.</summary>
    public abstract string Action { get; }

    /// <summary>Id argument meaning "the one added earlier in this commit".</summary>
    public const int LastAdded = -1;
}

public sealed record AssignUuid(Guid Uuid) : TableUpdate { public override string Action => "assign-uuid"; }

public sealed record UpgradeFormatVersion(int FormatVersion) : TableUpdate { public override string Action => "upgrade-format-version"; }

/// <summary><paramref name="LastColumnId"/> is the spec's deprecated optional member.</summary>
public sealed record AddSchema(Schema Schema, int? LastColumnId = null) : TableUpdate { public override string Action => "add-schema"; }

public sealed record SetCurrentSchema(int SchemaId) : TableUpdate { public override string Action => "set-current-schema"; }

public sealed record AddPartitionSpec(PartitionSpec Spec) : TableUpdate { public override string Action => "add-spec"; }

public sealed record SetDefaultSpec(int SpecId) : TableUpdate { public override string Action => "set-default-spec"; }

public sealed record AddSortOrder(SortOrder SortOrder) : TableUpdate { public override string Action => "add-sort-order"; }

public sealed record SetDefaultSortOrder(int SortOrderId) : TableUpdate { public override string Action => "set-default-sort-order"; }

public sealed record AddSnapshot(Snapshot Snapshot) : TableUpdate { public override string Action => "add-snapshot"; }

public sealed record SetSnapshotRef(string RefName, SnapshotRef Ref) : TableUpdate { public override string Action => "set-snapshot-ref"; }

public sealed record RemoveSnapshots(IReadOnlyList<long> SnapshotIds) : TableUpdate { public override string Action => "remove-snapshots"; }

public sealed record RemoveSnapshotRef(string RefName) : TableUpdate { public override string Action => "remove-snapshot-ref"; }

public sealed record SetLocation(string Location) : TableUpdate { public override string Action => "set-location"; }

public sealed record SetProperties(IReadOnlyDictionary<string, string> Updates) : TableUpdate { public override string Action => "set-properties"; }

public sealed record RemoveProperties(IReadOnlyList<string> Removals) : TableUpdate { public override string Action => "remove-properties"; }

public sealed record SetStatistics(StatisticsFile Statistics) : TableUpdate { public override string Action => "set-statistics"; }

public sealed record RemoveStatistics(long SnapshotId) : TableUpdate { public override string Action => "remove-statistics"; }

public sealed record SetPartitionStatistics(PartitionStatisticsFile PartitionStatistics) : TableUpdate { public override string Action => "set-partition-statistics"; }

public sealed record RemovePartitionStatistics(long SnapshotId) : TableUpdate { public override string Action => "remove-partition-statistics"; }

public sealed record RemovePartitionSpecs(IReadOnlyList<int> SpecIds) : TableUpdate { public override string Action => "remove-partition-specs"; }

public sealed record RemoveSchemas(IReadOnlyList<int> SchemaIds) : TableUpdate { public override string Action => "remove-schemas"; }
