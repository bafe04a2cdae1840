using Iomete.Functions.Identity.Access;
using Iomete.Platform.Data;
using Iomete.Platform.Functions;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Identity;

public static class IdentityRegistration
{
    public const string Service = "identity";

    /// <summary>The Identity service: users, groups, roles, login, tokens, domains, bundles.</summary>
    public static IServiceCollection AddIdentityService(this IServiceCollection services)
    {
        services.AddFunctionsFrom(typeof(IdentityRegistration).Assembly);
        services.AddServiceDatabase(Service, typeof(IdentityRegistration).Assembly);
        services.AddDomainsAndBundles();
        return services;
    }
}
