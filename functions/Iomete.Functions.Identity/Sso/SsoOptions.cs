namespace Iomete.Functions.Identity.Sso;

/// <summary>Single sign-on through an external OIDC provider, section <c>Iomete:Identity:Sso</c>.</summary>
public sealed class SsoOptions
{
    public const string Section = "Iomete:Identity:Sso";

    /// <summary>Accept an <c>http://</c> issuer (tests and local use only; tokens and secrets would cross the network in clear).</summary>
    public bool AllowHttpIssuer { get; set; }

    /// <summary>
    /// This platform's public base URL, e.g. <c>https://iomete.example.com</c>, for the callback URL registered at the
    /// provider. Unset: the scheme and host of the login request.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>Shortest time between two JWKS re-fetches forced by an unknown <c>kid</c> (default 5 minutes).</summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Timeout of each call to the provider (discovery, JWKS, token endpoint; default 10 s).</summary>
    public TimeSpan ProviderTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
