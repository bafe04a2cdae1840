using Iomete.Functions.Clusters.Compute;
using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Jobs;
using Iomete.Functions.Clusters.Jupyter;
using Iomete.Functions.Clusters.NodeTypes;
using Iomete.Functions.Clusters.Orchestration;
using Iomete.Functions.Clusters.Secrets;
using Iomete.Functions.Clusters.SparkHistory;
using Iomete.Platform.Data;
using Iomete.Platform.Functions;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Clusters;

/// <summary>
/// The cluster service (IOMETE's iom-cluster): Spark compute clusters, Spark jobs and Jupyter containers on a Kubernetes
/// data plane.
/// </summary>
public static class ClustersRegistration
{
    public const string Service = "clusters";

    public static IServiceCollection AddClustersService(this IServiceCollection services)
    {
        services.AddFunctionsFrom(typeof(ClustersRegistration).Assembly);
        services.AddServiceDatabase(Service, typeof(ClustersRegistration).Assembly);
        services.AddKubernetesDataPlane();
        services.AddSingleton<NodeTypeCatalog>();
        services.AddClusterSettings();
        services.AddComputeClusters();
        services.AddSparkJobs();
        services.AddJupyterContainers();
        services.AddSparkHistory();
        services.AddJobOrchestration();
        return services;
    }
}
