using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Sso;

/// <summary>One sign-in button of the console's login page.</summary>
public sealed record SsoProviderView(string Type, string LoginUrl);

public sealed class ListSsoProviders(SsoConfigStore store)
{
    [Function("identity-sso-providers")]
    [AllowAnonymousCaller]
    [OpenApiOperation("SSO", "The single sign-on providers the login page offers")]
    [OpenApiResponse(200, typeof(IReadOnlyList<SsoProviderView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/identity/sso/providers")] HttpRequest request,
        CancellationToken ct)
    {
        var config = await store.GetAsync(ct);
        IReadOnlyList<SsoProviderView> providers = config is { Enabled: true } ? [new SsoProviderView("OIDC", SsoLogin.Path)] : [];
        return ApiResults.Ok(providers);
    }
}
