using Iomete.Functions.Catalog;
using Iomete.Functions.Clusters;
using Iomete.Functions.Health;
using Iomete.Functions.Maintenance;
using Iomete.Functions.Push;
using Iomete.Functions.Orchestrator;
using Iomete.Functions.Core;
using Iomete.Functions.EventStreams;
using Iomete.Functions.IcebergRest;
using Iomete.Functions.Identity;
using Iomete.Engine;
using Iomete.Engine.Sessions;
using Iomete.Functions.Sql;
using Iomete.Platform;

namespace Iomete.Functions.LocalHost;

/// <summary>Every service the platform has; the Functions app composes the same list.</summary>
public static class ServiceComposition
{
    public static IServiceCollection AddIometeServices(this IServiceCollection services)
    {
        services.AddIometePlatform();
        services.AddCoreService();
        services.AddIdentityService();
        services.AddIcebergRestService();
        services.AddSqlService();
        services.AddEmbeddedSqlEngine();
        services.AddEmbeddedEngineCatalog();
        services.AddEventStreamsService();
        services.AddClustersService();
        services.AddOrchestratorService();
        services.AddCatalogService();
        services.AddMaintenanceService();
        services.AddHealthService();
        services.AddPushService();
        return services;
    }
}
