using Iomete.DataSecurity.Decisions;
using Iomete.Platform.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.DataSecurity;

public static class DataSecurityRegistration
{
    /// <summary>What every enforcement point shares: <see cref="DataSecurityOptions"/> and the <see cref="TrustedEngine"/> secret.</summary>
    public static IServiceCollection AddDataSecurityEnforcement(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(TrustedEngine)))
        {
            return services;
        }
        services.AddValidatedOptions<DataSecurityOptions>(DataSecurityOptions.Section);
        services.TryAddSingleton<TrustedEngine>();
        return services;
    }
}
