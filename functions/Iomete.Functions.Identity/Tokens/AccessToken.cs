using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Identity.Tokens;

public enum TokenStatus
{
    Active,
    Suspended,
}

/// <summary>A personal or service-account access token as stored (its secret only as a hash).</summary>
public sealed record AccessToken(
    string Id,
    string OwnerId,
    string Name,
    TokenStatus Status,
    int? MaxRps,
    DateTimeOffset? ExpiresAt,
    string? CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsed);

/// <param name="Token">The secret, only in the answer to create; send it as <c>X-API-Token</c> or <c>Authorization: Bearer</c>.</param>
public sealed record AccessTokenView(
    string Id,
    string Name,
    TokenStatus Status,
    int? MaxRps,
    DateTimeOffset? ExpiresAt,
    string? CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsed,
    string? Token = null)
{
    public static AccessTokenView From(AccessToken t, string? secret = null) =>
        new(t.Id, t.Name, t.Status, t.MaxRps, t.ExpiresAt, t.CreatedBy, t.CreatedAt, t.LastUsed, secret);
}

/// <param name="ExpiresAt">Optional; capped (and defaulted) to now + the system's longest token lifetime.</param>
/// <param name="MaxRps">Optional requests-per-second limit of the token.</param>
public sealed record CreateAccessTokenRequest(
    [property: Required, RegularExpression("^[A-Za-z0-9_.-]{1,128}$", ErrorMessage = "must be 1 to 128 letters, digits, '_', '.' or '-'")] string Name,
    DateTimeOffset? ExpiresAt = null,
    [property: Range(1, 1_000_000)] int? MaxRps = null);

/// <param name="Status">ACTIVE or SUSPENDED; a suspended token is refused at once.</param>
/// <param name="MaxRps">A new requests-per-second limit; 0 removes the limit.</param>
public sealed record UpdateAccessTokenRequest(
    TokenStatus? Status = null,
    [property: Range(0, 1_000_000)] int? MaxRps = null);
