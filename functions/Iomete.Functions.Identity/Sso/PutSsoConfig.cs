using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Iomete.Functions.Identity.Oidc;
using Iomete.Functions.Identity.Storage;
using Iomete.Platform.Errors;
using Microsoft.Extensions.Options;
using ValidationException = Iomete.Platform.Errors.ValidationException;

namespace Iomete.Functions.Identity.Sso;

/// <summary>Saves the OIDC single sign-on configuration after reading the provider's discovery document.</summary>
public sealed class PutSsoConfig(ICallerAccessor callers, SsoConfigStore store, SsoProvider provider, IdentitySecretCipher cipher, SsoUrls urls,
    IOptions<SsoOptions> options, TimeProvider clock)
{
    public static readonly string[] DefaultAlgorithms = ["ES256", "RS256"];
    public static readonly string[] AsymmetricAlgorithms = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

    [Function("identity-sso-oidc-config-put")]
    [OpenApiOperation("SSO", "Configure OIDC single sign-on (validated against the provider's discovery document)")]
    [OpenApiRequestBody(typeof(SsoOidcConfigRequest))]
    [OpenApiResponse(200, typeof(SsoOidcConfigView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/identity/sso/oidc")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);
        var body = await RequestBody.ReadAsync<SsoOidcConfigRequest>(request, ct);
        var issuer = Issuer(body.IssuerUrl.Trim());
        var algorithms = Algorithms(body.AllowedAlgorithms);
        var scopes = Scopes(body.Scopes);
        var claims = Claims(body.Claims ?? new SsoClaimMappings());
        var current = await store.GetAsync(ct);
        if (current is not null && body.Version is { } version && version != current.Version)
        {
            throw new ConflictException($"The SSO configuration is at version {current.Version}, not {version}; read it again and retry.");
        }
        var secret = body.ClientSecret is { Length: > 0 } s ? cipher.Encrypt(s) : current?.EncryptedClientSecret
            ?? throw ValidationException.ForField("clientSecret", "is required when SSO is first configured");

        await provider.DiscoverAsync(issuer, ct);
        var config = new SsoOidcConfig(issuer, body.ClientId.Trim(), secret, scopes, claims, algorithms, body.Enabled, caller.Username,
            clock.GetUtcNow(), (current?.Version ?? 0) + 1);
        await store.SaveAsync(config, current?.Version, ct);
        return ApiResults.Ok(SsoOidcConfigView.From(config, urls.Callback(request)));
    }

    private string Issuer(string issuer)
    {
        if (!Uri.TryCreate(issuer, UriKind.Absolute, out var uri) || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw ValidationException.ForField("issuerUrl", "must be an absolute URL without query or fragment");
        }
        if (uri.Scheme != "https" && !(uri.Scheme == "http" && options.Value.AllowHttpIssuer))
        {
            throw ValidationException.ForField("issuerUrl", "must use https (http only when Iomete:Identity:Sso:AllowHttpIssuer is true)");
        }
        return issuer;
    }

    private static IReadOnlyList<string> Algorithms(IReadOnlyList<string>? requested)
    {
        if (requested is null || requested.Count == 0)
        {
            return DefaultAlgorithms;
        }
        foreach (var alg in requested)
        {
            if (!AsymmetricAlgorithms.Contains(alg, StringComparer.Ordinal))
            {
                throw ValidationException.ForField("allowedAlgorithms",
                    $"'{alg}' is not allowed: use asymmetric signatures only ({string.Join(", ", AsymmetricAlgorithms)}); 'none' and HMAC (HS*) are refused");
            }
        }
        return requested.Distinct(StringComparer.Ordinal).ToList();
    }

    private static IReadOnlyList<string> Scopes(IReadOnlyList<string>? requested)
    {
        var scopes = requested is null || requested.Count == 0 ? ["openid", "profile", "email"] : requested.Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (!scopes.Contains("openid", StringComparer.Ordinal) || scopes.Any(s => s.Length == 0 || s.Length > 100 || s.Any(char.IsWhiteSpace)))
        {
            throw ValidationException.ForField("scopes", "must include openid; each scope is one word");
        }
        return scopes;
    }

    private static SsoClaimMappings Claims(SsoClaimMappings claims)
    {
        foreach (var (field, value) in new[] { ("username", claims.Username), ("email", claims.Email), ("firstName", claims.FirstName), ("lastName", claims.LastName) })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > 100)
            {
                throw ValidationException.ForField($"claims.{field}", "must name a claim");
            }
        }
        return claims with { Groups = string.IsNullOrWhiteSpace(claims.Groups) ? null : claims.Groups.Trim() };
    }
}
