using Iomete.Functions.Catalog.Annotations;

namespace Iomete.Functions.Catalog.Index;

/// <summary>What the index knows of a table or view: its metadata as last read, its annotations and whether it is gone.</summary>
public sealed record IndexedTable(
    string Id,
    string Catalog,
    string Database,
    string Name,
    string Type,
    string Provider,
    string? Location,
    string? MetadataLocation,
    string? Owner,
    string? Description,
    long? RowCount,
    long? FileCount,
    long? SizeBytes,
    DateTimeOffset? CreatedAt,
    DateTimeOffset LastModified,
    DateTimeOffset LastSynced,
    bool Deleted,
    DateTimeOffset? DeletedAt,
    IReadOnlyList<IndexedColumn> Columns,
    TableAnnotations? Annotations,
    long Sequence)
{
    public TableKey Key => new(Catalog, Database, Name);
}

/// <param name="Position">0-based position in the current schema.</param>
public sealed record IndexedColumn(int Position, string Name, string DataType, string? Description, bool PartitionKey);

public sealed record IndexedDatabase(
    string Catalog, string Name, string? Description, string? Location, string? Owner, DateTimeOffset LastSynced, bool Deleted, DateTimeOffset? DeletedAt, long Sequence);

public sealed record IndexedCatalog(string Name, string Type, string? Location, DateTimeOffset LastSynced, bool Deleted, DateTimeOffset? DeletedAt, long Sequence);

/// <summary>The table types of the index (IOMETE's <c>TABLE</c> / <c>VIEW</c>).</summary>
public static class IndexedTypes
{
    public const string Table = "TABLE";
    public const string View = "VIEW";
    public const string Iceberg = "iceberg";
}

/// <summary>A table or view as read from the lakehouse, ready to be stored (no id, sequence or annotations yet).</summary>
public sealed record TableSnapshot(
    string Catalog,
    string Database,
    string Name,
    string Type,
    string? Location,
    string? MetadataLocation,
    string? Owner,
    string? Description,
    long? RowCount,
    long? FileCount,
    long? SizeBytes,
    DateTimeOffset? CreatedAt,
    DateTimeOffset LastModified,
    IReadOnlyList<IndexedColumn> Columns);

/// <summary>The index's change position: the last sequence and the generation (moves when rows are removed).</summary>
public sealed record IndexState(long Sequence, long Generation, DateTimeOffset? LastFullSync);

/// <summary>Rows changed after a sequence, with the columns of the changed tables.</summary>
public sealed record IndexChanges(
    IndexState State, IReadOnlyList<IndexedCatalog> Catalogs, IReadOnlyList<IndexedDatabase> Databases, IReadOnlyList<IndexedTable> Tables);
