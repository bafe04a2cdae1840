using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Jobs;
using Iomete.Functions.Clusters.NodeTypes;
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
        services.AddSparkJobs();
        return services;
    }
}
