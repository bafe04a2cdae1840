using System.Text.Json;
using Dapper;
using Iomete.Functions.Identity.Storage;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;

namespace Iomete.Functions.Identity.Sso;

/// <summary>The single OIDC SSO configuration row.</summary>
public sealed class SsoConfigStore(IdentityDb db)
{
    private const string Id = "oidc";

    public async Task<SsoOidcConfig?> GetAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT issuer_url AS IssuerUrl, client_id AS ClientId, client_secret AS ClientSecret, scopes AS Scopes, claims AS Claims,
                   allowed_algorithms AS AllowedAlgorithms, enabled AS Enabled, updated_by AS UpdatedBy, updated_at_ms AS UpdatedAtMs, version AS Version
            FROM sso_oidc_config WHERE id = @Id
            """,
            new { Id }, cancellationToken: ct));
        return row?.ToConfig();
    }

    /// <summary>
    /// Saves <paramref name="config"/>: inserts when <paramref name="expectedVersion"/> is null, else updates only that version.
    /// 409 when someone saved meanwhile.
    /// </summary>
    public async Task SaveAsync(SsoOidcConfig config, int? expectedVersion, CancellationToken ct)
    {
        var args = new
        {
            Id, config.IssuerUrl, config.ClientId, ClientSecret = config.EncryptedClientSecret, Scopes = JsonSerializer.Serialize(config.Scopes),
            Claims = JsonSerializer.Serialize(config.Claims, Json.Options), AllowedAlgorithms = JsonSerializer.Serialize(config.AllowedAlgorithms),
            config.Enabled, config.UpdatedBy, UpdatedAtMs = IdentityDb.Ms(config.UpdatedAt), config.Version, Expected = expectedVersion,
        };
        await using var connection = await db.OpenAsync(ct);
        int changed;
        if (expectedVersion is null)
        {
            changed = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO sso_oidc_config (id, issuer_url, client_id, client_secret, scopes, claims, allowed_algorithms, enabled, updated_by, updated_at_ms, version)
                VALUES (@Id, @IssuerUrl, @ClientId, @ClientSecret, @Scopes, @Claims, @AllowedAlgorithms, @Enabled, @UpdatedBy, @UpdatedAtMs, @Version)
                ON CONFLICT (id) DO NOTHING
                """,
                args, cancellationToken: ct));
        }
        else
        {
            changed = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE sso_oidc_config SET issuer_url = @IssuerUrl, client_id = @ClientId, client_secret = @ClientSecret, scopes = @Scopes,
                       claims = @Claims, allowed_algorithms = @AllowedAlgorithms, enabled = @Enabled, updated_by = @UpdatedBy,
                       updated_at_ms = @UpdatedAtMs, version = @Version
                WHERE id = @Id AND version = @Expected
                """,
                args, cancellationToken: ct));
        }
        if (changed != 1)
        {
            throw new ConflictException("The SSO configuration was changed by another request; read it again and retry.");
        }
    }

    public async Task<bool> DeleteAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM sso_oidc_config WHERE id = @Id", new { Id }, cancellationToken: ct)) == 1;
    }

    private sealed class Row
    {
        public string IssuerUrl { get; init; } = "";
        public string ClientId { get; init; } = "";
        public string ClientSecret { get; init; } = "";
        public string Scopes { get; init; } = "[]";
        public string Claims { get; init; } = "{}";
        public string AllowedAlgorithms { get; init; } = "[]";
        public bool Enabled { get; init; }
        public string? UpdatedBy { get; init; }
        public long UpdatedAtMs { get; init; }
        public int Version { get; init; }

        public SsoOidcConfig ToConfig() => new(IssuerUrl, ClientId, ClientSecret, JsonSerializer.Deserialize<List<string>>(Scopes) ?? [],
            JsonSerializer.Deserialize<SsoClaimMappings>(Claims, Json.Options) ?? new SsoClaimMappings(),
            JsonSerializer.Deserialize<List<string>>(AllowedAlgorithms) ?? [], Enabled, UpdatedBy, IdentityDb.At(UpdatedAtMs), Version);
    }
}
