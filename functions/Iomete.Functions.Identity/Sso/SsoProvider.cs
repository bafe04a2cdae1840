using Iomete.Platform.Errors;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ValidationException = Iomete.Platform.Errors.ValidationException;

namespace Iomete.Functions.Identity.Sso;

/// <summary>
/// The external provider's metadata: discovery document and JWKS through <see cref="ConfigurationManager{T}"/>, one
/// manager per saved configuration version. An unknown <c>kid</c> forces a fresh fetch at most once per
/// <see cref="SsoOptions.MetadataRefreshInterval"/>; a new manager is used for it because the library's own
/// RequestRefresh only refreshes in the background, after the request that needed the new key has failed.
/// </summary>
public sealed class SsoProvider(IHttpClientFactory http, IOptions<SsoOptions> options, TimeProvider clock)
{
    public const string HttpClientName = "identity-sso";

    private readonly Lock _gate = new();
    private Entry? _entry;

    public HttpClient Client() => http.CreateClient(HttpClientName);

    public static string DiscoveryAddress(string issuerUrl) => issuerUrl.TrimEnd('/') + "/.well-known/openid-configuration";

    /// <summary>Fetches the discovery document and JWKS now; 400 with the reason when unreachable, malformed, or for another issuer.</summary>
    public async Task<OpenIdConnectConfiguration> DiscoverAsync(string issuerUrl, CancellationToken ct)
    {
        OpenIdConnectConfiguration metadata;
        try
        {
            metadata = await OpenIdConnectConfigurationRetriever.GetAsync(DiscoveryAddress(issuerUrl), Retriever(), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw ValidationException.ForField("issuerUrl",
                $"could not read the discovery document at {DiscoveryAddress(issuerUrl)}: {Root(ex).Message}");
        }
        if (!string.Equals(metadata.Issuer, issuerUrl, StringComparison.Ordinal))
        {
            throw ValidationException.ForField("issuerUrl", $"the discovery document names the issuer '{metadata.Issuer}', not '{issuerUrl}'");
        }
        if (string.IsNullOrEmpty(metadata.AuthorizationEndpoint) || string.IsNullOrEmpty(metadata.TokenEndpoint) || string.IsNullOrEmpty(metadata.JwksUri))
        {
            throw ValidationException.ForField("issuerUrl", "the discovery document lacks authorization_endpoint, token_endpoint or jwks_uri");
        }
        return metadata;
    }

    /// <summary>The cached metadata of <paramref name="config"/>; <paramref name="unknownKey"/> asks for a fresh fetch (rate limited).</summary>
    public async Task<OpenIdConnectConfiguration> MetadataAsync(SsoOidcConfig config, bool unknownKey, CancellationToken ct)
    {
        var key = config.IssuerUrl + "#" + config.Version;
        Entry entry;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_entry is null || _entry.Key != key)
            {
                _entry = new Entry(key, NewManager(config.IssuerUrl), DateTimeOffset.MinValue);
            }
            else if (unknownKey && now - _entry.LastForcedRefresh >= options.Value.MetadataRefreshInterval)
            {
                _entry = new Entry(key, NewManager(config.IssuerUrl), now);
            }
            entry = _entry;
        }
        try
        {
            return await entry.Manager.GetConfigurationAsync(ct);
        }
        catch (InvalidOperationException ex)
        {
            throw new ApiException(502, "IDP_UNAVAILABLE", "Identity provider unavailable", $"The identity provider's metadata could not be read: {Root(ex).Message}");
        }
    }

    private ConfigurationManager<OpenIdConnectConfiguration> NewManager(string issuerUrl) =>
        new(DiscoveryAddress(issuerUrl), new OpenIdConnectConfigurationRetriever(), Retriever())
        {
            RefreshInterval = options.Value.MetadataRefreshInterval,
        };

    private HttpDocumentRetriever Retriever() => new(Client()) { RequireHttps = !options.Value.AllowHttpIssuer };

    private static Exception Root(Exception ex) => ex.InnerException is { } inner && ex.Message.StartsWith("IDX", StringComparison.Ordinal) ? Root(inner) : ex;

    private sealed record Entry(string Key, ConfigurationManager<OpenIdConnectConfiguration> Manager, DateTimeOffset LastForcedRefresh);
}
