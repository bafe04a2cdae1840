using Dapper;
using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Storage;

namespace Iomete.Functions.Identity.Sso;

/// <summary>
/// One-time codes the callback hands to the console in the URL instead of tokens (single use, 60 seconds). The session
/// is created when the code is exchanged, so no token is ever stored in clear.
/// </summary>
public sealed class SsoCodeStore(IdentityDb db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    public async Task<string> IssueAsync(string userId, CancellationToken ct)
    {
        var code = SecretTokens.New("iomsso_");
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sso_codes WHERE expires_at_ms <= @now", new { now = IdentityDb.Ms(now) }, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO sso_codes (code_hash, user_id, expires_at_ms) VALUES (@Hash, @UserId, @ExpiresAtMs)",
            new { Hash = SecretTokens.Hash(code), UserId = userId, ExpiresAtMs = IdentityDb.Ms(now + Lifetime) }, cancellationToken: ct));
        return code;
    }

    /// <summary>The user of a code, deleting it; null when unknown, used already, or expired.</summary>
    public async Task<string?> RedeemAsync(string code, CancellationToken ct)
    {
        var hash = SecretTokens.Hash(code);
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT user_id AS UserId, expires_at_ms AS ExpiresAtMs FROM sso_codes WHERE code_hash = @hash", new { hash }, cancellationToken: ct));
        var deleted = row is null ? 0 : await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sso_codes WHERE code_hash = @hash", new { hash }, cancellationToken: ct));
        return row is not null && deleted == 1 && IdentityDb.At(row.ExpiresAtMs) > clock.GetUtcNow() ? row.UserId : null;
    }

    private sealed class Row
    {
        public string UserId { get; init; } = "";
        public long ExpiresAtMs { get; init; }
    }
}
