using System.Collections;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Iomete.Functions.Identity.Sso;

/// <summary>An ID token the platform does not accept; the reason is logged, never shown to the browser in full.</summary>
public sealed class SsoTokenRefusedException(string reason) : Exception(reason);

/// <summary>
/// Validates the provider's ID token: signature with a key from the provider's JWKS, the configured algorithms only
/// (never <c>none</c> or HMAC), exact issuer, audience = our client id, lifetime with 60 s skew, and the nonce we sent.
/// </summary>
public sealed class SsoTokenValidator(SsoProvider provider)
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(60);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>The token's claims; throws <see cref="SsoTokenRefusedException"/> when it is not acceptable.</summary>
    public async Task<IReadOnlyDictionary<string, object>> ValidateAsync(SsoOidcConfig config, string idToken, string nonce, CancellationToken ct)
    {
        string? kid;
        try
        {
            kid = new JsonWebToken(idToken).Kid;
        }
        catch (ArgumentException)
        {
            throw new SsoTokenRefusedException("The ID token is not a JWT.");
        }
        var metadata = await provider.MetadataAsync(config, unknownKey: false, ct);
        if (kid is not null && !metadata.SigningKeys.Any(k => k.KeyId == kid))
        {
            metadata = await provider.MetadataAsync(config, unknownKey: true, ct);
        }
        var result = await _handler.ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = config.IssuerUrl,
            ValidAudience = config.ClientId,
            ValidAlgorithms = config.AllowedAlgorithms,
            IssuerSigningKeys = metadata.SigningKeys,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = ClockSkew,
        });
        if (!result.IsValid)
        {
            throw new SsoTokenRefusedException(result.Exception?.Message ?? "The ID token is not valid.");
        }
        if (!result.Claims.TryGetValue("nonce", out var sent) || sent as string != nonce)
        {
            throw new SsoTokenRefusedException("The ID token's nonce does not match the login request.");
        }
        return result.Claims.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
    }

    /// <summary>A claim as text, or null.</summary>
    public static string? Text(IReadOnlyDictionary<string, object> claims, string name) =>
        claims.TryGetValue(name, out var value) ? value switch
        {
            string s when s.Length > 0 => s,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            _ => null,
        } : null;

    /// <summary>A claim as a list of text (one string counts as a list of one).</summary>
    public static IReadOnlyList<string> List(IReadOnlyDictionary<string, object> claims, string name)
    {
        if (!claims.TryGetValue(name, out var value))
        {
            return [];
        }
        return value switch
        {
            string s => [s],
            JsonElement { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList(),
            JsonElement { ValueKind: JsonValueKind.String } e => [e.GetString()!],
            IEnumerable items => items.Cast<object?>().Select(i => i?.ToString()).Where(i => !string.IsNullOrEmpty(i)).Select(i => i!).ToList(),
            _ => [],
        };
    }
}
