using Iomete.Functions.Identity.Sso;
using Iomete.Platform.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.Identity.Oidc;

public static class OidcRegistration
{
    /// <summary>The platform as an OpenID Provider, and single sign-on through an external OIDC provider.</summary>
    public static IServiceCollection AddOidcAndSso(this IServiceCollection services)
    {
        services.AddValidatedOptions<OidcOptions>(OidcOptions.Section);
        services.TryAddSingleton<OidcIssuer>();
        services.TryAddSingleton<SigningKeyStore>();
        services.TryAddSingleton<OidcClientStore>();
        services.TryAddSingleton<OidcCodeStore>();
        services.TryAddSingleton<OidcProfile>();
        services.TryAddSingleton<IdTokenIssuer>();
        services.AddSsoRelyingParty();
        return services;
    }
}
