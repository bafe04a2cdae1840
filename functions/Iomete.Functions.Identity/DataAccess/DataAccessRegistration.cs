using Iomete.DataSecurity;
using Iomete.DataSecurity.Decisions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.Identity.DataAccess;

public static class DataAccessRegistration
{
    /// <summary>The data-access decision point (<see cref="IDataAccessDecider"/>) over the policy store.</summary>
    public static IServiceCollection AddDataAccessDecisions(this IServiceCollection services)
    {
        services.AddDataSecurityEnforcement();
        services.TryAddSingleton<PolicyEvaluators>();
        services.TryAddSingleton<PolicyUsers>();
        services.TryAddSingleton<PolicyDecider>();
        services.TryAddSingleton<IDataAccessDecider>(sp => sp.GetRequiredService<PolicyDecider>());
        return services;
    }
}
