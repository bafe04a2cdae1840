namespace Iomete.Functions.Catalog.Explorer;

/// <summary>A catalog in the data explorer; totals count what the caller may see.</summary>
/// <param name="Type">The catalog type, e.g. <c>ICEBERG_REST</c>.</param>
/// <param name="Location">The warehouse location.</param>
public sealed record ExplorerCatalog(
    string Name, string Type, string? Location, int TotalSchemaCount, int TotalTableCount, int TotalViewCount, long TotalSizeInBytes, long TotalFiles,
    DateTimeOffset? LastSynced);

/// <summary>A database (schema) in the data explorer.</summary>
public sealed record ExplorerDatabase(
    string Catalog, string Name, string? Description, string? Owner, long SizeInBytes, long TotalFiles, int TableCount, int ViewCount);

/// <summary>A table or view in the data explorer.</summary>
/// <param name="Type">TABLE or VIEW.</param>
public sealed record ExplorerTable(
    string Id, string Catalog, string Database, string Name, string Type, string Provider, long? SizeInBytes, long? Files, long? RowCount,
    int ColumnCount, DateTimeOffset LastModified, DateTimeOffset LastSynced);
