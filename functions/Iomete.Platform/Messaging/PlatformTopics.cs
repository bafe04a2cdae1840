namespace Iomete.Platform.Messaging;

/// <summary>
/// Topics other services react to (the catalog index, the real-time push, table maintenance). Each is published after
/// the change it describes is committed; a subscriber must tolerate a redelivery and an out-of-order arrival
/// (<c>At</c> and, for tables, the metadata location tell which is newer).
/// </summary>
public static class PlatformTopics
{
    /// <summary>Every committed change of a namespace, table or view in the Iceberg REST catalog (<see cref="TableChanged"/>).</summary>
    public const string Tables = "catalog-tables";

    /// <summary>Every status change of a SQL query (<see cref="SqlQueryStateChanged"/>).</summary>
    public const string SqlQueries = "sql-queries";

    /// <summary>Every state change of an event stream (<see cref="EventStreamStateChanged"/>).</summary>
    public const string EventStreams = "event-streams";

    /// <summary>Every status change of a probed component (<see cref="HealthStatusChanged"/>).</summary>
    public const string Health = "health-status";

    /// <summary>Every state change of a table-maintenance run (<see cref="MaintenanceRunStateChanged"/>).</summary>
    public const string Maintenance = "table-maintenance";

    /// <summary>Every change of the data catalog's own annotations: owners, documentation, classifications (<see cref="CatalogEntryChanged"/>).</summary>
    public const string CatalogEntries = "data-catalog";
}

/// <summary>What happened to a namespace, table or view.</summary>
public static class TableChangeKinds
{
    public const string NamespaceCreated = "NAMESPACE_CREATED";
    public const string NamespaceUpdated = "NAMESPACE_UPDATED";
    public const string NamespaceDropped = "NAMESPACE_DROPPED";
    public const string TableCreated = "TABLE_CREATED";
    public const string TableRegistered = "TABLE_REGISTERED";
    public const string TableCommitted = "TABLE_COMMITTED";
    public const string TableRenamed = "TABLE_RENAMED";
    public const string TableDropped = "TABLE_DROPPED";
    public const string ViewCreated = "VIEW_CREATED";
    public const string ViewReplaced = "VIEW_REPLACED";
    public const string ViewRenamed = "VIEW_RENAMED";
    public const string ViewDropped = "VIEW_DROPPED";
}

/// <param name="Kind">One of <see cref="TableChangeKinds"/>.</param>
/// <param name="Catalog">The catalog (warehouse) name, e.g. <c>spark_catalog</c>.</param>
/// <param name="Namespace">The namespace levels.</param>
/// <param name="Name">The table or view name; null for namespace changes.</param>
/// <param name="PreviousNamespace">For a rename: where it was.</param>
/// <param name="PreviousName">For a rename: what it was called.</param>
/// <param name="MetadataLocation">The metadata file after the change (tables and views), null for drops and namespaces.</param>
/// <param name="Actor">The user id that made the change, when known.</param>
public sealed record TableChanged(
    string Kind,
    string Catalog,
    IReadOnlyList<string> Namespace,
    string? Name,
    IReadOnlyList<string>? PreviousNamespace,
    string? PreviousName,
    string? MetadataLocation,
    string? Actor,
    DateTimeOffset At);

/// <param name="Status">The SQL service's query status (QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED, ...).</param>
public sealed record SqlQueryStateChanged(
    string Domain,
    string QueryId,
    string UserId,
    string? Compute,
    string? PreviousStatus,
    string Status,
    string? Error,
    DateTimeOffset At);

public sealed record EventStreamStateChanged(
    string Domain,
    string StreamId,
    string StreamName,
    string? PreviousState,
    string State,
    string? Reason,
    DateTimeOffset At);

/// <param name="Component">The probed component, e.g. <c>metadata-db</c>, <c>object-storage</c>, <c>function-app:sql</c>.</param>
/// <param name="Status"><c>OPERATIONAL</c> or <c>OUTAGE</c>.</param>
public sealed record HealthStatusChanged(
    string Component,
    string? PreviousStatus,
    string Status,
    string? Message,
    DateTimeOffset At);

/// <param name="Operation">REWRITE_DATA_FILES, REWRITE_MANIFESTS, EXPIRE_SNAPSHOTS or REMOVE_ORPHAN_FILES.</param>
/// <param name="State">PENDING, RUNNING, COMPLETED or FAILED.</param>
public sealed record MaintenanceRunStateChanged(
    string? Domain,
    string RunId,
    string Catalog,
    IReadOnlyList<string> Namespace,
    string Table,
    string Operation,
    string? PreviousState,
    string State,
    string? Reason,
    DateTimeOffset At);

/// <param name="What">What changed: OWNERS, DOCUMENTATION, COLUMN_DESCRIPTION, CLASSIFICATION, FAVORITE, ...</param>
public sealed record CatalogEntryChanged(
    string Catalog,
    string Database,
    string Table,
    string What,
    string? Actor,
    DateTimeOffset At);
