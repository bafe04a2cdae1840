using Iomete.Platform.Options;
using Iomete.Workflows.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Workflows.Jobs;

public static class JobRunsRegistration
{
    /// <summary>Job runs and the namespace queues: stores, admission, the clusters job service (unless one is registered), the starter.</summary>
    public static IServiceCollection AddJobRuns(this IServiceCollection services)
    {
        services.AddValidatedOptions<JobRunOptions>(JobRunOptions.Section);
        services.AddValidatedOptions<QueueOptions>(QueueOptions.Section);
        services.TryAddSingleton<IJobService, ClustersJobService>();
        services.AddSingleton<JobQueueStore>();
        services.AddSingleton<QueueAdmission>();
        services.AddSingleton<QueueWaker>();
        services.AddSingleton<JobRunStarter>();
        services.AddSingleton<JobRunEvents>();
        return services;
    }
}
