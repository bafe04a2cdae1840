namespace Iomete.Functions.Catalog.Tables;

/// <summary>What the table details show: the header, the statistics cards and the catalog's own annotations.</summary>
/// <param name="Id">The Iceberg table (or view) UUID.</param>
/// <param name="Type">TABLE or VIEW.</param>
/// <param name="Statistics">From the current snapshot's summary; null for a view.</param>
/// <param name="SelectSnippet">A ready <c>SELECT * FROM catalog.db.table LIMIT 100</c>.</param>
public sealed record TableDetailsView(
    string Id,
    string Name,
    string FullName,
    string Catalog,
    string Database,
    string Type,
    string Provider,
    string? Location,
    TableStatistics? Statistics,
    IReadOnlyList<string> Owners,
    string? Description,
    IReadOnlyList<string> ClassificationTags,
    int PendingClassificationRequests,
    IReadOnlyDictionary<string, string> Properties,
    DateTimeOffset? LastModified,
    string SelectSnippet,
    string? ViewText);

/// <param name="Rows">Null when a row filter applies to the caller (the count would tell what the filter hides).</param>
public sealed record TableStatistics(long? SizeInBytes, long? DataFiles, int Columns, long? Rows);

public sealed record TableColumnView(int Id, string Name, string Type, bool Nullable, string? Description, IReadOnlyList<string> Tags, bool IsPartitionKey);

public sealed record TableColumnsView(IReadOnlyList<TableColumnView> Items);

public sealed record TablePropertiesView(IReadOnlyDictionary<string, string> Properties);

/// <param name="Values">Partition field name → its value (as text; null stays null).</param>
public sealed record PartitionView(int SpecId, IReadOnlyDictionary<string, string?> Values, long Files, long Rows, long SizeInBytes);

public sealed record PartitionsView(IReadOnlyList<PartitionFieldView> Fields, IReadOnlyList<PartitionView> Items);

public sealed record PartitionFieldView(string Name, string SourceColumn, string Transform);

public sealed record SnapshotView(long SnapshotId, long? ParentSnapshotId, long SequenceNumber, DateTimeOffset Timestamp, string? Operation,
    IReadOnlyDictionary<string, string> Summary);

/// <param name="Type">BRANCH or TAG.</param>
public sealed record SnapshotRefView(string Name, string Type, long SnapshotId, long? MaxRefAgeMs, long? MaxSnapshotAgeMs, int? MinSnapshotsToKeep);

public sealed record SnapshotsView(long? CurrentSnapshotId, IReadOnlyList<SnapshotView> Snapshots, IReadOnlyList<SnapshotRefView> Refs);

/// <summary>Storage of every snapshot against the live (current) one.</summary>
/// <param name="LiveDataRatio">Live size / all-snapshot size (1 when the table holds no data).</param>
/// <param name="Alert">True when the all-snapshot size exceeds the threshold and the live ratio is below the minimum: expire snapshots.</param>
public sealed record TableMetricsView(
    long AllSnapshotsSizeInBytes,
    long AllSnapshotsDataFiles,
    long LiveSizeInBytes,
    long LiveDataFiles,
    int Snapshots,
    double LiveDataRatio,
    bool Alert,
    long AlertMinSizeInBytes,
    double AlertMaxLiveRatio);

public sealed record TableSampleView(string QueryId, string Query, System.Text.Json.JsonElement Columns, System.Text.Json.JsonElement Rows, bool Truncated);
