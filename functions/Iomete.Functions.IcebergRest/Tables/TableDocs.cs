using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Iomete.Functions.IcebergRest.Tables;

// Shapes for the OpenAPI document only: the routes read and write these bodies with the table-format
// library's spec readers and writers (schema, spec, order and metadata JSON as the Iceberg spec defines them).

/// <summary>The spec's CreateTableRequest.</summary>
public sealed record CreateTableRequestDoc(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("location")] string? Location,
    [property: JsonPropertyName("schema")] JsonObject Schema,
    [property: JsonPropertyName("partition-spec")] JsonObject? PartitionSpec,
    [property: JsonPropertyName("write-order")] JsonObject? WriteOrder,
    [property: JsonPropertyName("stage-create")] bool? StageCreate,
    [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, string>? Properties);

/// <summary>The spec's LoadTableResult; metadata is the table metadata JSON of the spec.</summary>
public sealed record LoadTableResultDoc(
    [property: JsonPropertyName("metadata-location")] string? MetadataLocation,
    [property: JsonPropertyName("metadata")] JsonObject Metadata,
    [property: JsonPropertyName("config")] IReadOnlyDictionary<string, string> Config);

/// <summary>The spec's CommitTableRequest (identifier only inside a transaction).</summary>
public sealed record CommitTableRequestDoc(
    [property: JsonPropertyName("identifier")] TableIdentifierDoc? Identifier,
    [property: JsonPropertyName("requirements")] IReadOnlyList<JsonObject> Requirements,
    [property: JsonPropertyName("updates")] IReadOnlyList<JsonObject> Updates);

/// <summary>The spec's CommitTableResponse.</summary>
public sealed record CommitTableResponseDoc(
    [property: JsonPropertyName("metadata-location")] string MetadataLocation,
    [property: JsonPropertyName("metadata")] JsonObject Metadata);

/// <summary>The spec's CommitTransactionRequest.</summary>
public sealed record CommitTransactionRequestDoc(
    [property: JsonPropertyName("table-changes")] IReadOnlyList<CommitTableRequestDoc> TableChanges);

public sealed record TableIdentifierDoc(
    [property: JsonPropertyName("namespace")] IReadOnlyList<string> Namespace,
    [property: JsonPropertyName("name")] string Name);

/// <summary>The spec's RenameTableRequest.</summary>
public sealed record RenameTableRequestDoc(
    [property: JsonPropertyName("source")] TableIdentifierDoc Source,
    [property: JsonPropertyName("destination")] TableIdentifierDoc Destination);

/// <summary>The spec's RegisterTableRequest.</summary>
public sealed record RegisterTableRequestDoc(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("metadata-location")] string MetadataLocation,
    [property: JsonPropertyName("overwrite")] bool? Overwrite);

/// <summary>The spec's ReportMetricsRequest (a ScanReport or a CommitReport).</summary>
public sealed record ReportMetricsRequestDoc(
    [property: JsonPropertyName("report-type")] string ReportType,
    [property: JsonPropertyName("table-name")] string TableName,
    [property: JsonPropertyName("snapshot-id")] long SnapshotId,
    [property: JsonPropertyName("metrics")] JsonObject Metrics);
