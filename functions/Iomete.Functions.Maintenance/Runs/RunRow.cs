using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Iomete.Functions.Maintenance.Settings;
using Iomete.Platform.Http;

namespace Iomete.Functions.Maintenance.Runs;

/// <summary>A <c>maintenance_runs</c> row as Dapper reads it (columns aliased to these names).</summary>
internal sealed class RunRow
{
    public const string Columns =
        "id AS Id, domain_id AS DomainId, catalog AS Catalog, database_name AS DatabaseName, table_name AS TableName, operation AS Operation, " +
        "state AS State, reason AS Reason, summary AS Summary, trigger_kind AS TriggerKind, created_by AS CreatedBy, before_metrics AS BeforeMetrics, " +
        "after_metrics AS AfterMetrics, cancel_requested AS CancelRequested, created_ms AS CreatedMs, started_ms AS StartedMs, ended_ms AS EndedMs, " +
        "heartbeat_ms AS HeartbeatMs";

    public string Id { get; set; } = "";
    public string? DomainId { get; set; }
    public string Catalog { get; set; } = "";
    public string DatabaseName { get; set; } = "";
    public string TableName { get; set; } = "";
    public string Operation { get; set; } = "";
    public string State { get; set; } = "";
    public string? Reason { get; set; }
    public string? Summary { get; set; }
    public string TriggerKind { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public string? BeforeMetrics { get; set; }
    public string? AfterMetrics { get; set; }
    public bool CancelRequested { get; set; }
    public long CreatedMs { get; set; }
    public long? StartedMs { get; set; }
    public long? EndedMs { get; set; }
    public long? HeartbeatMs { get; set; }

    public MaintenanceRun ToRun() => new()
    {
        Id = Id,
        Domain = DomainId,
        Catalog = Catalog,
        Database = DatabaseName,
        Table = TableName,
        Operation = MaintenanceOperations.Parse(Operation) ?? throw new InvalidOperationException($"Unknown stored operation '{Operation}'"),
        State = Enum.Parse<MaintenanceRunState>(State, ignoreCase: true),
        Reason = Reason,
        Summary = Summary,
        Trigger = Enum.Parse<MaintenanceTrigger>(TriggerKind, ignoreCase: true),
        CreatedBy = CreatedBy,
        Before = Metrics(BeforeMetrics),
        After = Metrics(AfterMetrics),
        CancelRequested = CancelRequested,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedMs),
        StartedAt = Instant(StartedMs),
        EndedAt = Instant(EndedMs),
        HeartbeatAt = Instant(HeartbeatMs),
    };

    public static string Stored(MaintenanceRunState state) => state.ToString().ToUpperInvariant();

    public static string? Stored(TableMetrics? metrics) => metrics is null ? null : JsonSerializer.Serialize(metrics, Json.Options);

    /// <summary>The value of <c>active_key</c> for an active run: one per table and operation (hashed: names can be long).</summary>
    public static string ActiveKey(string catalog, string database, string table, MaintenanceOperation operation) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{catalog}\u0001{database}\u0001{table}\u0001{operation.Name()}")));

    private static TableMetrics? Metrics(string? json) => json is null ? null : JsonSerializer.Deserialize<TableMetrics>(json, Json.Options);

    private static DateTimeOffset? Instant(long? ms) => ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
}
