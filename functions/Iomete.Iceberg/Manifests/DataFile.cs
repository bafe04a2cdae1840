namespace Iomete.Iceberg.Manifests;

/// <summary>What a file listed in a manifest holds (data_file field 134).</summary>
public enum FileContent
{
    Data = 0,
    PositionDeletes = 1,
    EqualityDeletes = 2,
}

/// <summary>The storage format of a data or delete file (data_file field 101, written upper-case as Java does).</summary>
public enum FileFormat
{
    Parquet,
    Avro,
    Orc,
    Puffin,
}

/// <summary>
/// A data or delete file with its metrics (the spec's <c>data_file</c> struct). <see cref="Partition"/> holds one
/// value per partition field in spec order (README value representation); bounds are single-value serialized
/// (<see cref="SingleValue"/>), keyed by column id.
/// </summary>
public sealed record DataFile
{
    public FileContent Content { get; init; } = FileContent.Data;

    public required string FilePath { get; init; }

    public FileFormat FileFormat { get; init; } = FileFormat.Parquet;

    public IReadOnlyList<object?> Partition { get; init; } = [];

    public required long RecordCount { get; init; }

    public required long FileSizeInBytes { get; init; }

    public IReadOnlyDictionary<int, long>? ColumnSizes { get; init; }

    public IReadOnlyDictionary<int, long>? ValueCounts { get; init; }

    public IReadOnlyDictionary<int, long>? NullValueCounts { get; init; }

    public IReadOnlyDictionary<int, long>? NanValueCounts { get; init; }

    public IReadOnlyDictionary<int, byte[]>? LowerBounds { get; init; }

    public IReadOnlyDictionary<int, byte[]>? UpperBounds { get; init; }

    public byte[]? KeyMetadata { get; init; }

    public IReadOnlyList<long>? SplitOffsets { get; init; }

    /// <summary>Column ids of an equality delete file's key (required for <see cref="FileContent.EqualityDeletes"/>).</summary>
    public IReadOnlyList<int>? EqualityIds { get; init; }

    public int? SortOrderId { get; init; }
}
