using Iomete.Platform.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Oidc;

/// <summary>
/// The authorization endpoint: checks the client and its exact redirect URI first (an unknown one gets an error page,
/// never a redirect), then any other problem goes back to the client as an OAuth error; a good request gets the login form.
/// </summary>
public sealed class OidcAuthorize(OidcClientStore clients)
{
    [Function("identity-oidc-authorize")]
    [AllowAnonymousCaller]
    [OpenApiOperation("OIDC provider", "Authorization endpoint: the login form (authorization code flow with PKCE S256)")]
    [OpenApiResponse(200)]
    [OpenApiResponse(302)]
    [OpenApiResponse(400)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/identity/oidc/authorize")] HttpRequest request,
        CancellationToken ct)
    {
        var parameters = AuthorizeParameters.From(name => request.Query[name]);
        var (client, refusal) = await CheckAsync(request, clients, parameters, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        return ProtocolResults.Html(200, LoginPage.Form(parameters, client!.Name, null, null), FormTarget(parameters));
    }

    /// <summary>The client, or the answer that refuses the request.</summary>
    internal static async Task<(OidcClient? Client, IActionResult? Refusal)> CheckAsync(
        HttpRequest request, OidcClientStore clients, AuthorizeParameters parameters, CancellationToken ct)
    {
        var client = parameters.ClientId.Length is > 0 and <= 64 ? await clients.GetAsync(parameters.ClientId, ct) : null;
        if (client is null)
        {
            return (null, ProtocolResults.ErrorPage(request, 400, "Unknown client", "The application that sent you here is not registered."));
        }
        if (!client.RedirectUris.Contains(parameters.RedirectUri, StringComparer.Ordinal))
        {
            return (null, ProtocolResults.ErrorPage(request, 400, "Invalid redirect URI",
                "The application asked to return to an address that is not registered for it."));
        }
        if (parameters.Problem(client) is { } problem)
        {
            return (null, ProtocolResults.Redirect(parameters.RedirectWith(("error", problem.Error), ("error_description", problem.Description))));
        }
        return (client, null);
    }

    /// <summary>The redirect URI's origin: a browser applies form-action to the redirect that follows the form post.</summary>
    internal static string FormTarget(AuthorizeParameters parameters) => new Uri(parameters.RedirectUri).GetLeftPart(UriPartial.Authority);
}
