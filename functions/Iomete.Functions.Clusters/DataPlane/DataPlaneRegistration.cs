using k8s;
using Iomete.Platform.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.DataPlane;

public static class DataPlaneRegistration
{
    /// <summary>The Kubernetes data plane from <see cref="DataPlaneOptions"/>: KubernetesClient when configured, else a refusal.</summary>
    public static IServiceCollection AddKubernetesDataPlane(this IServiceCollection services)
    {
        services.AddValidatedOptions<DataPlaneOptions>(DataPlaneOptions.Section);
        services.AddValidatedOptions<ClustersOptions>(ClustersOptions.Section);
        // One client (one connection pool) for every data-plane port; resolved only when a data plane is configured.
        services.TryAddSingleton<IKubernetes>(sp => new k8s.Kubernetes(ClientConfiguration(sp.GetRequiredService<IOptions<DataPlaneOptions>>().Value)));
        services.TryAddSingleton<ISparkApplications>(sp => Configured(sp)
            ? new KubernetesSparkApplications(sp.GetRequiredService<IKubernetes>(), sp.GetRequiredService<ILogger<KubernetesSparkApplications>>())
            : new UnconfiguredSparkApplications());
        services.TryAddSingleton<IDataPlaneDiagnostics>(sp => Configured(sp)
            ? new KubernetesDiagnostics(sp.GetRequiredService<IKubernetes>())
            : new UnconfiguredDiagnostics());
        services.TryAddSingleton<IKubernetesWorkloads>(sp => Configured(sp)
            ? new KubernetesWorkloads(sp.GetRequiredService<IKubernetes>(), sp.GetRequiredService<ILogger<KubernetesWorkloads>>())
            : new UnconfiguredWorkloads());
        services.TryAddSingleton<SubmitQueue>();
        services.AddHostedService<SparkApplicationWatcher>();
        return services;
    }

    internal static bool Configured(IServiceProvider sp) => sp.GetRequiredService<IOptions<DataPlaneOptions>>().Value.Configured;

    private static KubernetesClientConfiguration ClientConfiguration(DataPlaneOptions options)
    {
        if (!options.Configured)
        {
            throw new DataPlaneNotConfiguredException();
        }
        return options.ApiServer == "in-cluster"
            ? KubernetesClientConfiguration.InClusterConfig()
            : new KubernetesClientConfiguration { Host = options.ApiServer, AccessToken = options.Token, SkipTlsVerify = options.SkipTlsVerify };
    }
}
