using Iomete.Functions.Clusters.Actors;
using Iomete.Functions.Clusters.DataPlane;
using Iomete.Platform.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Compute;

public static class ComputeRegistration
{
    /// <summary>Compute clusters: stores, the lifecycle actors (in-process runtime + reminder timer), the watcher's observer.</summary>
    public static IServiceCollection AddComputeClusters(this IServiceCollection services)
    {
        services.AddValidatedOptions<ComputeOptions>(ClustersOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ComputeClusterStore>();
        services.AddSingleton<ComputeActivityLog>();
        services.AddSingleton<ComputeAccess>();
        services.AddSingleton<ComputeDefinitions>();
        services.AddSingleton<ComputeApplications>();
        services.AddSingleton<LocalCompute>();
        services.AddSingleton<ActorTurns>();
        services.AddSingleton<ActorReminders>();
        services.AddSingleton(sp => new ComputeActors(sp.GetRequiredService<ActorTurns>(), new ComputeActorServices(
            sp.GetRequiredService<ComputeClusterStore>(),
            sp.GetRequiredService<ComputeActivityLog>(),
            sp.GetRequiredService<ComputeApplications>(),
            sp.GetRequiredService<ISparkApplications>(),
            sp.GetRequiredService<IKubernetesWorkloads>(),
            sp.GetRequiredService<SubmitQueue>(),
            sp.GetRequiredService<ActorReminders>(),
            sp.GetRequiredService<Iomete.Platform.Messaging.IEventBus>(),
            sp.GetRequiredService<IOptions<DataPlaneOptions>>(),
            sp.GetRequiredService<IOptions<ComputeOptions>>(),
            sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<IReminderTarget>(sp => sp.GetRequiredService<ComputeActors>());
        services.AddSingleton<ISparkApplicationObserver, ComputeApplicationObserver>();
        services.AddHostedService<ReminderPump>();
        return services;
    }
}
