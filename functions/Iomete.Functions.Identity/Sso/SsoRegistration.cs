using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Identity.Sso;

internal static class SsoRegistration
{
    public static IServiceCollection AddSsoRelyingParty(this IServiceCollection services)
    {
        services.AddOptions<SsoOptions>().BindConfiguration(SsoOptions.Section);
        services.AddHttpClient(SsoProvider.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<SsoOptions>>().Value.ProviderTimeout)
            // The provider's URLs come from an administrator and its answers are untrusted: never follow redirects elsewhere.
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        services.TryAddSingleton<SsoUrls>();
        services.TryAddSingleton<SsoConfigStore>();
        services.TryAddSingleton<SsoProvider>();
        services.TryAddSingleton<SsoStateStore>();
        services.TryAddSingleton<SsoCodeStore>();
        services.TryAddSingleton<SsoCodeExchange>();
        services.TryAddSingleton<SsoTokenValidator>();
        services.TryAddSingleton<SsoUserSync>();
        return services;
    }
}
