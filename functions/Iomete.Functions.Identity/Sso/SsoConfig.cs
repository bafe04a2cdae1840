using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Identity.Sso;

/// <summary>Which ID token claim fills which user field; <see cref="Groups"/> unset means group memberships are not synced.</summary>
public sealed record SsoClaimMappings(
    string Username = "preferred_username",
    string Email = "email",
    string FirstName = "given_name",
    string LastName = "family_name",
    string? Groups = null);

/// <summary>The platform-wide OIDC single sign-on configuration; the client secret is stored encrypted.</summary>
public sealed record SsoOidcConfig(
    string IssuerUrl,
    string ClientId,
    string EncryptedClientSecret,
    IReadOnlyList<string> Scopes,
    SsoClaimMappings Claims,
    IReadOnlyList<string> AllowedAlgorithms,
    bool Enabled,
    string? UpdatedBy,
    DateTimeOffset UpdatedAt,
    int Version);

/// <summary>The configuration as the API shows it: the secret is write-only.</summary>
public sealed record SsoOidcConfigView(
    string IssuerUrl,
    string ClientId,
    bool ClientSecretSet,
    IReadOnlyList<string> Scopes,
    SsoClaimMappings Claims,
    IReadOnlyList<string> AllowedAlgorithms,
    bool Enabled,
    string RedirectUri,
    string? UpdatedBy,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public static SsoOidcConfigView From(SsoOidcConfig c, string redirectUri) => new(c.IssuerUrl, c.ClientId, c.EncryptedClientSecret.Length > 0,
        c.Scopes, c.Claims, c.AllowedAlgorithms, c.Enabled, redirectUri, c.UpdatedBy, c.UpdatedAt, c.Version);
}

public sealed record SsoOidcConfigRequest(
    [property: Required, StringLength(2000, MinimumLength = 1)] string IssuerUrl,
    [property: Required, StringLength(512, MinimumLength = 1)] string ClientId,
    [property: StringLength(4000)] string? ClientSecret = null,
    IReadOnlyList<string>? Scopes = null,
    SsoClaimMappings? Claims = null,
    IReadOnlyList<string>? AllowedAlgorithms = null,
    bool Enabled = true,
    int? Version = null);
