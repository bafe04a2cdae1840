using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Identity.Oidc;

/// <summary>The provider's issuer and endpoint URLs.</summary>
public sealed class OidcIssuer(IOptions<OidcOptions> options)
{
    public const string JwksPath = "/api/v1/identity/oidc/jwks";
    public const string AuthorizePath = "/api/v1/identity/oidc/authorize";
    public const string TokenPath = "/api/v1/identity/oidc/token";
    public const string UserInfoPath = "/api/v1/identity/oidc/userinfo";

    public string For(HttpRequest request) =>
        options.Value.Issuer is { Length: > 0 } issuer ? issuer.TrimEnd('/') : $"{request.Scheme}://{request.Host.Value}";
}
