using Iomete.Platform.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.Sql.SparkConnect;

internal static class SparkConnectRegistration
{
    /// <summary>SQL on Spark clusters: the compute directory (replaceable: TryAdd), the channels and the executor.</summary>
    public static IServiceCollection AddSparkConnect(this IServiceCollection services)
    {
        services.AddValidatedOptions<SparkConnectOptions>(SparkConnectOptions.Section);
        services.TryAddSingleton<IComputeDirectory, ClusterComputeDirectory>();
        services.TryAddSingleton<SparkConnectChannels>();
        services.TryAddSingleton<SparkQueryExecutor>();
        return services;
    }
}
