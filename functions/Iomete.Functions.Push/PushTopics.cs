namespace Iomete.Functions.Push;

/// <summary>The event types a push stream carries (the SSE <c>event:</c> field) and the topic filters that select them.</summary>
public static class PushEventTypes
{
    public const string HealthStatus = "health.status";
    public const string SqlQuery = "sql.query";
    public const string SparkRun = "spark.run";
    public const string ComputeState = "compute.state";
    public const string EventStreamState = "event-stream.state";
    public const string CatalogTable = "catalog.table";
    public const string CatalogEntry = "catalog.entry";
    public const string MaintenanceRun = "maintenance.run";

    /// <summary>Control events of the stream itself (never in the log).</summary>
    public const string Ready = "ready";
    public const string Reset = "reset";
    public const string Closed = "closed";
}

/// <summary>The values of <c>?topics=</c>: each selects one or more event types.</summary>
public static class PushTopics
{
    public const string Health = "health";
    public const string Queries = "queries";
    public const string SparkRuns = "spark-runs";
    public const string Compute = "compute";
    public const string EventStreams = "event-streams";
    public const string Catalog = "catalog";
    public const string Maintenance = "maintenance";

    public static readonly IReadOnlyList<string> All = [Health, Queries, SparkRuns, Compute, EventStreams, Catalog, Maintenance];
}
