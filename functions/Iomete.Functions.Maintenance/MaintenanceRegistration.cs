using Iomete.Engine;
using Iomete.Engine.Reads;
using Iomete.Functions.Maintenance.Detection;
using Iomete.Functions.Maintenance.Execution;
using Iomete.Functions.Maintenance.Operations;
using Iomete.Functions.Maintenance.Runs;
using Iomete.Functions.Maintenance.Settings;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Scan;
using Iomete.Platform.Data;
using Iomete.Platform.Functions;
using Iomete.Platform.Options;
using Iomete.Platform.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.Maintenance;

/// <summary>Automated table maintenance: settings, detection, durable maintenance runs.</summary>
public static class MaintenanceRegistration
{
    /// <summary>The service's (and its database's) name.</summary>
    public const string Service = "maintenance";

    /// <summary>Needs the platform (metadata DB, object store, event bus, service invocation) and the durable task client from the host.</summary>
    public static IServiceCollection AddMaintenanceService(this IServiceCollection services)
    {
        services.AddFunctionsFrom(typeof(MaintenanceRegistration).Assembly);
        services.AddServiceDatabase(Service, typeof(MaintenanceRegistration).Assembly);
        services.AddValidatedOptions<MaintenanceOptions>(MaintenanceOptions.Section);
        services.AddEmbeddedEngineCatalog();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIdGenerator, UuidV7Generator>();
        services.TryAddSingleton<TableFileIO>();
        services.TryAddSingleton(sp => new ScanPlanner(sp.GetRequiredService<TableFileIO>(), maxConcurrency: 8));
        services.TryAddSingleton<IcebergTableReader>();
        services.AddSingleton<SettingsStore>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<RunEvents>();
        services.AddSingleton<RunTransitions>();
        services.AddSingleton<RunStarter>();
        services.AddSingleton<RunExecutor>();
        services.AddSingleton<PlatformCatalog>();
        services.AddSingleton<TableAccess>();
        services.AddSingleton<TableMeasurer>();
        services.AddSingleton<DataFileCompactor>();
        services.AddSingleton<SnapshotMaintenance>();
        services.AddSingleton<OrphanFileCleaner>();
        services.AddSingleton<OperationRunner>();
        services.AddSingleton<MaintenanceDetector>();
        return services;
    }
}
