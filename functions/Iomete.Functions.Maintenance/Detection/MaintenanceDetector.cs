using Iomete.Engine.Catalogs;
using Iomete.Functions.Maintenance.Operations;
using Iomete.Functions.Maintenance.Runs;
using Iomete.Functions.Maintenance.Settings;
using Iomete.Platform.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Maintenance.Detection;

/// <summary>What one detection pass did.</summary>
public sealed record DetectionResult(int Catalogs, int Tables, int RunsStarted, IReadOnlyList<string> Started, IReadOnlyList<string> Problems);

/// <summary>
/// Detect → evaluate → execute: lists the tables of every catalog whose master switch is on (through the Iceberg REST
/// catalog, as the platform), skips operations that are off for the table, active, or inside the cooldown, measures the
/// table, and starts a run (a durable workflow) for each operation that is due.
/// </summary>
public sealed partial class MaintenanceDetector(
    SettingsStore settings,
    RunStore runs,
    RunStarter starter,
    PlatformCatalog platform,
    TableMeasurer measurer,
    IOptions<MaintenanceOptions> options,
    TimeProvider clock,
    ILogger<MaintenanceDetector> logger)
{
    public const string SystemUser = "system";

    public async Task<DetectionResult> RunAsync(CancellationToken ct)
    {
        var started = new List<string>();
        var problems = new List<string>();
        if (!options.Value.DetectionEnabled)
        {
            return new DetectionResult(0, 0, 0, started, ["Detection is disabled (Iomete:Maintenance:DetectionEnabled)"]);
        }
        var catalogs = await settings.EnabledCatalogsAsync(ct);
        var tables = 0;
        foreach (var catalog in catalogs)
        {
            var overrides = await settings.TablesOfCatalogAsync(catalog.Catalog, ct);
            var latest = (await runs.LatestOfCatalogAsync(catalog.Catalog, ct)).ToDictionary(r => (r.Database, r.Table, r.Operation));
            IReadOnlyList<string> databases;
            try
            {
                databases = await platform.Catalog.ListDatabasesAsync(catalog.Catalog, ct);
            }
            catch (CatalogNotFoundException)
            {
                problems.Add($"Catalog '{catalog.Catalog}' does not exist");
                continue;
            }
            foreach (var database in databases)
            {
                foreach (var table in await platform.Catalog.ListTablesAsync(catalog.Catalog, database, ct))
                {
                    tables++;
                    if (started.Count >= options.Value.MaxRunsPerPass)
                    {
                        return new DetectionResult(catalogs.Count, tables, started.Count, started, problems);
                    }
                    var effective = EffectiveSettings.Of(catalog.Settings, overrides.GetValueOrDefault((database, table)));
                    var name = new TableName(catalog.Catalog, database, table);
                    try
                    {
                        await EvaluateAsync(name, effective, catalog.UpdatedAt, latest, started, ct);
                    }
                    catch (Exception e) when (e is CatalogException or MaintenanceAbortedException)
                    {
                        problems.Add($"{name}: {e.Message}");
                    }
                }
            }
        }
        return new DetectionResult(catalogs.Count, tables, started.Count, started, problems);
    }

    private async Task EvaluateAsync(
        TableName name, EffectiveSettings effective, DateTimeOffset? configuredAt,
        Dictionary<(string, string, MaintenanceOperation), (string Database, string Table, MaintenanceOperation Operation, long LastCreatedMs, bool Active)> latest,
        List<string> started, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cooldown = TimeSpan.FromMinutes(options.Value.CooldownMinutes);
        var candidates = new List<(MaintenanceOperation Operation, DateTimeOffset? LastRunAt)>();
        foreach (var operation in MaintenanceOperations.All.Where(effective.Automatic))
        {
            DateTimeOffset? last = null;
            if (latest.TryGetValue((name.Database, name.Table, operation), out var previous))
            {
                last = DateTimeOffset.FromUnixTimeMilliseconds(previous.LastCreatedMs);
                if (previous.Active || now - last < cooldown)
                {
                    continue;
                }
            }
            candidates.Add((operation, last));
        }
        if (candidates.Count == 0)
        {
            return;
        }
        var table = await platform.LoadAsync(new TableIdent(name.Catalog, name.Database, name.Table), ct);
        var metrics = await measurer.MeasureAsync(table.Metadata, effective.RewriteDataFiles.SmallFileSizeBytes, ct);
        foreach (var (operation, last) in candidates)
        {
            if (!MaintenanceEvaluator.Due(operation, effective, metrics, last, configuredAt, now) || started.Count >= options.Value.MaxRunsPerPass)
            {
                continue;
            }
            try
            {
                var run = await starter.StartAsync(name, operation, MaintenanceTrigger.Automatic, null, SystemUser, ct);
                started.Add(run.Id);
                LogStarted(logger, operation.Name(), name.ToString(), run.Id);
            }
            catch (ConflictException)
            {
                // Started by someone else meanwhile (a manual trigger, another replica's pass).
            }
        }
    }

    [LoggerMessage(EventId = 9111, Level = LogLevel.Information, Message = "Started {Operation} on {Table}: run {RunId}")]
    private static partial void LogStarted(ILogger logger, string operation, string table, string runId);
}
