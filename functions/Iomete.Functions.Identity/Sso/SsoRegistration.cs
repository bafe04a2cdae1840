using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Identity.Sso;

internal static class SsoRegistration
{
    public static IServiceCollection AddSsoRelyingParty(this IServiceCollection services)
    {
        return services;
    }
}
