using Dapper;
using Iomete.Functions.Identity.Storage;
using Iomete.Platform.Time;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Identity.Auth;

/// <summary>A login session's new secrets, shown to the client once.</summary>
public sealed record SessionTokens(string SessionId, string AccessToken, string RefreshToken, TimeSpan AccessLifetime, TimeSpan RefreshLifetime);

/// <summary>Login sessions: an access token and a rotating refresh token, stored as SHA-256 hashes.</summary>
public sealed class SessionStore(IdentityDb db, TimeProvider clock, IIdGenerator ids, IOptions<IdentityOptions> options)
{
    private IdentityOptions Options => options.Value;

    public async Task<SessionTokens> CreateAsync(string userId, string? clientIp, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var tokens = NewTokens(ids.NewId());
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO sessions (id, user_id, access_hash, refresh_hash, previous_refresh_hash, access_expires_ms, refresh_expires_ms, created_at_ms, client_ip)
            VALUES (@Id, @UserId, @AccessHash, @RefreshHash, NULL, @AccessExpires, @RefreshExpires, @Now, @ClientIp)
            """,
            new
            {
                Id = tokens.SessionId, UserId = userId, AccessHash = SecretTokens.Hash(tokens.AccessToken),
                RefreshHash = SecretTokens.Hash(tokens.RefreshToken), AccessExpires = IdentityDb.Ms(now + tokens.AccessLifetime),
                RefreshExpires = IdentityDb.Ms(now + tokens.RefreshLifetime), Now = IdentityDb.Ms(now), ClientIp = clientIp,
            },
            cancellationToken: ct));
        return tokens;
    }

    /// <summary>
    /// Exchanges a refresh token for new secrets. Null when the token is unknown, expired, its user
    /// is not active, or it was already used: a reused refresh token ends its session.
    /// </summary>
    public async Task<(SessionTokens Tokens, bool PasswordTemporary)?> RefreshAsync(string refreshToken, CancellationToken ct)
    {
        var now = IdentityDb.Ms(clock.GetUtcNow());
        var hash = SecretTokens.Hash(refreshToken);
        await using var connection = await db.OpenAsync(ct);
        var found = await connection.QuerySingleOrDefaultAsync<Found>(new CommandDefinition(
            """
            SELECT s.id AS Id, u.password_temporary AS PasswordTemporary FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.refresh_hash = @hash AND s.refresh_expires_ms > @now AND u.status = 'ACTIVE'
            """,
            new { hash, now }, cancellationToken: ct));
        if (found is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM sessions WHERE previous_refresh_hash = @hash", new { hash }, cancellationToken: ct));
            return null;
        }
        var tokens = NewTokens(found.Id);
        var rotated = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE sessions SET access_hash = @AccessHash, refresh_hash = @RefreshHash, previous_refresh_hash = @Old,
                                access_expires_ms = @AccessExpires, refresh_expires_ms = @RefreshExpires
            WHERE id = @Id AND refresh_hash = @Old
            """,
            new
            {
                Id = found.Id, Old = hash, AccessHash = SecretTokens.Hash(tokens.AccessToken), RefreshHash = SecretTokens.Hash(tokens.RefreshToken),
                AccessExpires = now + (long)tokens.AccessLifetime.TotalMilliseconds, RefreshExpires = now + (long)tokens.RefreshLifetime.TotalMilliseconds,
            },
            cancellationToken: ct));
        // Losing the race means another request rotated this token first: the same token was used twice.
        return rotated == 1 ? (tokens, found.PasswordTemporary) : null;
    }

    /// <summary>Ends the session that issued <paramref name="accessToken"/>; false when there is none.</summary>
    public async Task<bool> RevokeByAccessTokenAsync(string accessToken, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sessions WHERE access_hash = @hash", new { hash = SecretTokens.Hash(accessToken) }, cancellationToken: ct)) > 0;
    }

    /// <summary>Ends every session of a user, except the one holding <paramref name="keepAccessToken"/>.</summary>
    public async Task RevokeAllAsync(string userId, string? keepAccessToken, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sessions WHERE user_id = @userId AND (@keep IS NULL OR access_hash <> @keep)",
            new { userId, keep = keepAccessToken is null ? null : SecretTokens.Hash(keepAccessToken) }, cancellationToken: ct));
    }

    /// <summary>Deletes sessions whose refresh token has expired; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sessions WHERE refresh_expires_ms <= @now", new { now = IdentityDb.Ms(clock.GetUtcNow()) }, cancellationToken: ct));
    }

    private SessionTokens NewTokens(string sessionId) => new(
        sessionId, SecretTokens.New(SecretTokens.SessionPrefix), SecretTokens.New(SecretTokens.RefreshPrefix),
        Options.AccessTokenLifetime, Options.RefreshTokenLifetime);

    private sealed class Found
    {
        public string Id { get; init; } = "";
        public bool PasswordTemporary { get; init; }
    }
}
