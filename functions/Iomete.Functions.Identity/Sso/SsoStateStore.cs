using Dapper;
using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Storage;

namespace Iomete.Functions.Identity.Sso;

/// <summary>A pending SSO login: what the callback must find again (single use, 10 minutes).</summary>
public sealed record SsoLoginState(string BrowserHash, string Nonce, string CodeVerifier, string Redirect, int ConfigVersion);

/// <summary>Pending SSO logins keyed by the SHA-256 of their <c>state</c>, in the database so any replica can finish them.</summary>
public sealed class SsoStateStore(IdentityDb db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async Task<string> IssueAsync(SsoLoginState login, CancellationToken ct)
    {
        var state = SecretTokens.New("");
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sso_states WHERE expires_at_ms <= @now", new { now = IdentityDb.Ms(now) }, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO sso_states (state_hash, browser_hash, nonce, code_verifier, redirect, config_version, expires_at_ms)
            VALUES (@Hash, @BrowserHash, @Nonce, @CodeVerifier, @Redirect, @ConfigVersion, @ExpiresAtMs)
            """,
            new
            {
                Hash = SecretTokens.Hash(state), login.BrowserHash, login.Nonce, login.CodeVerifier, login.Redirect, login.ConfigVersion,
                ExpiresAtMs = IdentityDb.Ms(now + Lifetime),
            },
            cancellationToken: ct));
        return state;
    }

    /// <summary>The pending login of <paramref name="state"/>, deleting it; null when unknown, used already, or expired.</summary>
    public async Task<SsoLoginState?> TakeAsync(string state, CancellationToken ct)
    {
        var hash = SecretTokens.Hash(state);
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT browser_hash AS BrowserHash, nonce AS Nonce, code_verifier AS CodeVerifier, redirect AS Redirect,
                   config_version AS ConfigVersion, expires_at_ms AS ExpiresAtMs
            FROM sso_states WHERE state_hash = @hash
            """,
            new { hash }, cancellationToken: ct));
        var deleted = row is null ? 0 : await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sso_states WHERE state_hash = @hash", new { hash }, cancellationToken: ct));
        return row is null || deleted != 1 || IdentityDb.At(row.ExpiresAtMs) <= clock.GetUtcNow()
            ? null
            : new SsoLoginState(row.BrowserHash, row.Nonce, row.CodeVerifier, row.Redirect, row.ConfigVersion);
    }

    private sealed class Row
    {
        public string BrowserHash { get; init; } = "";
        public string Nonce { get; init; } = "";
        public string CodeVerifier { get; init; } = "";
        public string Redirect { get; init; } = "";
        public int ConfigVersion { get; init; }
        public long ExpiresAtMs { get; init; }
    }
}
