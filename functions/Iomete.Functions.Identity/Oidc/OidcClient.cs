using System.ComponentModel.DataAnnotations;
using Iomete.Platform.Errors;
using ValidationException = Iomete.Platform.Errors.ValidationException;

namespace Iomete.Functions.Identity.Oidc;

/// <summary>A relying party registered with the platform's OpenID Provider; only the SHA-256 of its secret is stored.</summary>
public sealed record OidcClient(
    string ClientId,
    string Name,
    string SecretHash,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> Scopes,
    string? CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version);

public sealed record OidcClientView(
    string ClientId,
    string Name,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> Scopes,
    string? CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version)
{
    /// <summary>Only in the answer to create: the client secret, shown once.</summary>
    public string? ClientSecret { get; init; }

    public static OidcClientView From(OidcClient c) =>
        new(c.ClientId, c.Name, c.RedirectUris, c.Scopes, c.CreatedBy, c.CreatedAt, c.UpdatedAt, c.Version);
}

public sealed record OidcClientRequest(
    [property: Required, StringLength(255, MinimumLength = 1)] string Name,
    [property: Required] IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string>? Scopes = null,
    int? Version = null);

internal static class OidcClientRules
{
    public static readonly string[] SupportedScopes = ["openid", "profile", "email", "groups"];

    public static IReadOnlyList<string> RedirectUris(IReadOnlyList<string> uris)
    {
        if (uris.Count is 0 or > 20)
        {
            throw ValidationException.ForField("redirectUris", "must hold 1 to 20 URIs");
        }
        foreach (var uri in uris)
        {
            if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http")
                || parsed.Fragment.Length > 0 || uri.Length > 2000)
            {
                throw ValidationException.ForField("redirectUris", $"'{uri}' must be an absolute http(s) URI without a fragment");
            }
        }
        return uris.Distinct(StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<string> Scopes(IReadOnlyList<string>? scopes)
    {
        var list = scopes is null || scopes.Count == 0 ? SupportedScopes : scopes.Distinct(StringComparer.Ordinal).ToArray();
        var unknown = list.Where(s => !SupportedScopes.Contains(s, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw ValidationException.ForField("scopes", $"unknown scopes {string.Join(", ", unknown)}; supported: {string.Join(" ", SupportedScopes)}");
        }
        if (!list.Contains("openid", StringComparer.Ordinal))
        {
            throw ValidationException.ForField("scopes", "must include openid");
        }
        return list;
    }
}
