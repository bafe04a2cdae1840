using Iomete.Engine;
using Iomete.Engine.Sessions;
using Iomete.Functions.Catalog;
using Iomete.Functions.Clusters;
using Iomete.Functions.Core;
using Iomete.Functions.EventStreams;
using Iomete.Functions.Health;
using Iomete.Functions.IcebergRest;
using Iomete.Functions.Identity;
using Iomete.Functions.Maintenance;
using Iomete.Functions.Orchestrator;
using Iomete.Functions.Push;
using Iomete.Functions.Sql;
using Iomete.Platform;
using Iomete.Platform.Dapr;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.App;

/// <summary>The services of the Functions app: the same as the local host's; which functions a Deployment serves is chosen by the chart.</summary>
public static class AppServices
{
    public static IServiceCollection AddIometeApp(this IServiceCollection services)
    {
        services.AddIometePlatform();
        services.AddCoreService();
        services.AddIdentityService();
        services.AddIcebergRestService();
        services.AddSqlService();
        services.AddEventStreamsService();
        services.AddClustersService();
        // Workflows run in the workflow worker (workflows/Iomete.Workflows.Worker); the functions only start, query and cancel runs.
        services.AddOrchestratorService(runWorkflowWorker: false);
        services.AddCatalogService();
        services.AddMaintenanceService();
        services.AddHealthService();
        services.AddPushService();
        // Until Spark compute clusters run SQL (issue 6), the app runs queries on the embedded engine too.
        services.AddEmbeddedSqlEngine();
        services.AddEmbeddedEngineCatalog();
        // The app runs only next to a Dapr sidecar (the local host has the in-process stand-ins): pub/sub, state and
        // service invocation go through it, at the addresses the sidecar injector sets (defaults when run by hand).
        services.AddDaprAdapters();
        return services;
    }
}
