using Iomete.Platform.Options;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Clusters.Jupyter;

public static class JupyterRegistration
{
    public static IServiceCollection AddJupyterContainers(this IServiceCollection services)
    {
        services.AddValidatedOptions<JupyterOptions>(JupyterOptions.Section);
        services.AddSingleton<JupyterStore>();
        services.AddSingleton<JupyterAccess>();
        services.AddSingleton<JupyterVolumes>();
        services.AddSingleton<JupyterDeployer>();
        services.AddHostedService<JupyterStatusWatcher>();
        return services;
    }
}
