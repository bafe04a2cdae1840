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
        services.TryAddSingleton<ISparkApplications>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DataPlaneOptions>>().Value;
            if (!options.Configured)
            {
                return new UnconfiguredSparkApplications();
            }
            var config = options.ApiServer == "in-cluster"
                ? KubernetesClientConfiguration.InClusterConfig()
                : new KubernetesClientConfiguration { Host = options.ApiServer, AccessToken = options.Token, SkipTlsVerify = options.SkipTlsVerify };
            return new KubernetesSparkApplications(new k8s.Kubernetes(config), sp.GetRequiredService<ILogger<KubernetesSparkApplications>>());
        });
        services.TryAddSingleton<SubmitQueue>();
        return services;
    }
}
