using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Identity.Sso;

/// <summary>This platform's callback URL, which the administrator registers at the provider.</summary>
public sealed class SsoUrls(IOptions<SsoOptions> options)
{
    public const string CallbackPath = "/api/v1/identity/sso/oidc/callback";

    public string Callback(HttpRequest request) =>
        (options.Value.PublicUrl is { Length: > 0 } url ? url.TrimEnd('/') : $"{request.Scheme}://{request.Host.Value}") + CallbackPath;
}
