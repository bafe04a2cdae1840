using Dapper;
using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Storage;

namespace Iomete.Functions.Identity.Oidc;

/// <summary>What an authorization code stands for; it is redeemed once.</summary>
public sealed record OidcCodeGrant(string ClientId, string RedirectUri, string CodeChallenge, string? Nonce, string Scope, string UserId, DateTimeOffset ExpiresAt);

/// <summary>Authorization codes, stored as SHA-256 hashes; single use, 60 seconds.</summary>
public sealed class OidcCodeStore(IdentityDb db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>Stores the grant and returns the new code.</summary>
    public async Task<string> IssueAsync(AuthorizeParameters request, string userId, CancellationToken ct)
    {
        var code = SecretTokens.New("iomac_");
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM oidc_codes WHERE expires_at_ms <= @now", new { now = IdentityDb.Ms(now) }, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO oidc_codes (code_hash, client_id, redirect_uri, code_challenge, nonce, scope, user_id, expires_at_ms)
            VALUES (@Hash, @ClientId, @RedirectUri, @CodeChallenge, @Nonce, @Scope, @UserId, @ExpiresAtMs)
            """,
            new
            {
                Hash = SecretTokens.Hash(code), request.ClientId, request.RedirectUri, request.CodeChallenge, request.Nonce,
                Scope = string.Join(' ', request.Scopes), UserId = userId, ExpiresAtMs = IdentityDb.Ms(now + Lifetime),
            },
            cancellationToken: ct));
        return code;
    }

    /// <summary>The grant of a code, deleting it; null when unknown, used already, or expired.</summary>
    public async Task<OidcCodeGrant?> RedeemAsync(string code, CancellationToken ct)
    {
        var hash = SecretTokens.Hash(code);
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT client_id AS ClientId, redirect_uri AS RedirectUri, code_challenge AS CodeChallenge, nonce AS Nonce, scope AS Scope,
                   user_id AS UserId, expires_at_ms AS ExpiresAtMs
            FROM oidc_codes WHERE code_hash = @hash
            """,
            new { hash }, cancellationToken: ct));
        // Only the request that deletes the row may use it: two concurrent redemptions cannot both win.
        var deleted = row is null ? 0 : await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM oidc_codes WHERE code_hash = @hash", new { hash }, cancellationToken: ct));
        if (row is null || deleted != 1 || IdentityDb.At(row.ExpiresAtMs) <= clock.GetUtcNow())
        {
            return null;
        }
        return new OidcCodeGrant(row.ClientId, row.RedirectUri, row.CodeChallenge, row.Nonce, row.Scope, row.UserId, IdentityDb.At(row.ExpiresAtMs));
    }

    private sealed class Row
    {
        public string ClientId { get; init; } = "";
        public string RedirectUri { get; init; } = "";
        public string CodeChallenge { get; init; } = "";
        public string? Nonce { get; init; }
        public string Scope { get; init; } = "";
        public string UserId { get; init; } = "";
        public long ExpiresAtMs { get; init; }
    }
}
