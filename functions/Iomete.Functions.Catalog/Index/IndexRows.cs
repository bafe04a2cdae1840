using System.Text.Json;
using Iomete.Functions.Catalog.Annotations;
using Iomete.Platform.Http;

namespace Iomete.Functions.Catalog.Index;

/// <summary>Database rows of the index and their mapping to the records.</summary>
internal static class IndexRows
{
    public const string TableColumns =
        "id AS Id, catalog AS Catalog, database_name AS DatabaseName, name AS Name, type AS Type, provider AS Provider, location AS Location, " +
        "metadata_location AS MetadataLocation, owner AS Owner, description AS Description, row_count AS RowCount, file_count AS FileCount, " +
        "size_bytes AS SizeBytes, created_ms AS CreatedMs, modified_ms AS ModifiedMs, synced_ms AS SyncedMs, deleted AS Deleted, " +
        "deleted_ms AS DeletedMs, annotations AS Annotations, seq AS Seq";

    public const string ColumnColumns =
        "table_id AS TableId, position AS Position, name AS Name, data_type AS DataType, description AS Description, partition_key AS PartitionKey";

    public const string DatabaseColumns =
        "catalog AS Catalog, name AS Name, description AS Description, location AS Location, owner AS Owner, synced_ms AS SyncedMs, " +
        "deleted AS Deleted, deleted_ms AS DeletedMs, seq AS Seq";

    public const string CatalogColumns =
        "name AS Name, type AS Type, location AS Location, synced_ms AS SyncedMs, deleted AS Deleted, deleted_ms AS DeletedMs, seq AS Seq";

    public static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset? At(long? ms) => ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;

    public static string? WriteAnnotations(TableAnnotations? annotations) =>
        annotations is null ? null : JsonSerializer.Serialize(annotations, Json.Options);

    public static TableAnnotations? ReadAnnotations(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<TableAnnotations>(json, Json.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal sealed class TableRow
    {
        public string Id { get; init; } = "";
        public string Catalog { get; init; } = "";
        public string DatabaseName { get; init; } = "";
        public string Name { get; init; } = "";
        public string Type { get; init; } = "";
        public string Provider { get; init; } = "";
        public string? Location { get; init; }
        public string? MetadataLocation { get; init; }
        public string? Owner { get; init; }
        public string? Description { get; init; }
        public long? RowCount { get; init; }
        public long? FileCount { get; init; }
        public long? SizeBytes { get; init; }
        public long? CreatedMs { get; init; }
        public long ModifiedMs { get; init; }
        public long SyncedMs { get; init; }
        public bool Deleted { get; init; }
        public long? DeletedMs { get; init; }
        public string? Annotations { get; init; }
        public long Seq { get; init; }

        public IndexedTable ToRecord(IReadOnlyList<IndexedColumn> columns) => new(Id, Catalog, DatabaseName, Name, Type, Provider, Location,
            MetadataLocation, Owner, Description, RowCount, FileCount, SizeBytes, At(CreatedMs), At(ModifiedMs), At(SyncedMs), Deleted,
            At(DeletedMs), columns, ReadAnnotations(Annotations), Seq);
    }

    internal sealed class ColumnRow
    {
        public string TableId { get; init; } = "";
        public int Position { get; init; }
        public string Name { get; init; } = "";
        public string DataType { get; init; } = "";
        public string? Description { get; init; }
        public bool PartitionKey { get; init; }

        public IndexedColumn ToRecord() => new(Position, Name, DataType, Description, PartitionKey);
    }

    internal sealed class DatabaseRow
    {
        public string Catalog { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Description { get; init; }
        public string? Location { get; init; }
        public string? Owner { get; init; }
        public long SyncedMs { get; init; }
        public bool Deleted { get; init; }
        public long? DeletedMs { get; init; }
        public long Seq { get; init; }

        public IndexedDatabase ToRecord() => new(Catalog, Name, Description, Location, Owner, At(SyncedMs), Deleted, At(DeletedMs), Seq);
    }

    internal sealed class CatalogRow
    {
        public string Name { get; init; } = "";
        public string Type { get; init; } = "";
        public string? Location { get; init; }
        public long SyncedMs { get; init; }
        public bool Deleted { get; init; }
        public long? DeletedMs { get; init; }
        public long Seq { get; init; }

        public IndexedCatalog ToRecord() => new(Name, Type, Location, At(SyncedMs), Deleted, At(DeletedMs), Seq);
    }

    internal sealed class StateRow
    {
        public long Seq { get; init; }
        public long Generation { get; init; }
        public long LastFullSyncMs { get; init; }
    }
}
