using Iomete.Platform.Options;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Clusters.SparkHistory;

public static class SparkHistoryRegistration
{
    public static IServiceCollection AddSparkHistory(this IServiceCollection services)
    {
        services.AddValidatedOptions<SparkHistoryOptions>(SparkHistoryOptions.Section);
        services.AddSingleton<SparkHistoryLocation>();
        services.AddSingleton<SparkUiAccess>();
        services.AddSingleton<SparkUiProxy>();
        // Spark's UIs answer redirects we pass on to the browser; the proxy must not follow them itself.
        services.AddHttpClient(SparkUiProxy.ClientName).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        return services;
    }
}
