using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Runs;
using Iomete.Platform.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.Clusters.Jobs;

internal static class JobsRegistration
{
    /// <summary>Spark jobs and their runs: stores, rules, launcher, the SparkApplication observer and the periodic sweep.</summary>
    public static IServiceCollection AddSparkJobs(this IServiceCollection services)
    {
        services.AddValidatedOptions<SparkJobsOptions>(SparkJobsOptions.Section);
        services.TryAddSingleton<SparkJobStore>();
        services.TryAddSingleton<JobRules>();
        services.TryAddSingleton<JobAccess>();
        services.TryAddSingleton<SparkRunStore>();
        services.TryAddSingleton<RunAccess>();
        services.TryAddSingleton<RunTransitions>();
        services.TryAddSingleton<RunApplications>();
        services.TryAddSingleton<RunCancellation>();
        services.TryAddSingleton<RunLauncher>();
        services.TryAddSingleton<SqlJobRunner>();
        services.TryAddSingleton<RunSweeper>();
        services.AddSingleton<ISparkApplicationObserver, SparkRunObserver>();
        services.AddHostedService(sp => sp.GetRequiredService<RunSweeper>());
        return services;
    }
}
