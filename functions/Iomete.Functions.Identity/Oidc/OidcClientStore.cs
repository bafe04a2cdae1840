using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Storage;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Identity.Oidc;

/// <summary>Registered OIDC clients in the identity database.</summary>
public sealed class OidcClientStore(IdentityDb db)
{
    private const string Columns =
        "client_id AS ClientId, name AS Name, secret_hash AS SecretHash, redirect_uris AS RedirectUris, scopes AS Scopes, " +
        "created_by AS CreatedBy, created_at_ms AS CreatedAtMs, updated_at_ms AS UpdatedAtMs, version AS Version";

    public async Task<OidcClient?> GetAsync(string clientId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM oidc_clients WHERE client_id = @clientId", new { clientId }, cancellationToken: ct));
        return row?.ToClient();
    }

    public async Task<OidcClient> RequireAsync(string clientId, CancellationToken ct) =>
        await GetAsync(clientId, ct) ?? throw new NotFoundException("OIDC client", clientId);

    /// <summary>The client when <paramref name="secret"/> is its secret; compared in constant time.</summary>
    public async Task<OidcClient?> AuthenticateAsync(string clientId, string secret, CancellationToken ct)
    {
        var client = await GetAsync(clientId, ct);
        var expected = Encoding.ASCII.GetBytes(client?.SecretHash ?? new string('0', 64));
        var actual = Encoding.ASCII.GetBytes(SecretTokens.Hash(secret));
        return CryptographicOperations.FixedTimeEquals(expected, actual) && client is not null ? client : null;
    }

    public async Task<IReadOnlyList<OidcClient>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM oidc_clients ORDER BY name, client_id", cancellationToken: ct));
        return rows.Select(r => r.ToClient()).ToList();
    }

    public async Task InsertAsync(OidcClient client, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO oidc_clients (client_id, name, secret_hash, redirect_uris, scopes, created_by, created_at_ms, updated_at_ms, version)
            VALUES (@ClientId, @Name, @SecretHash, @RedirectUris, @Scopes, @CreatedBy, @CreatedAtMs, @UpdatedAtMs, @Version)
            """,
            Parameters(client), cancellationToken: ct));
    }

    /// <summary>Saves name, redirect URIs and scopes if nobody changed the client meanwhile; 409 otherwise.</summary>
    public async Task UpdateAsync(OidcClient client, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE oidc_clients SET name = @Name, redirect_uris = @RedirectUris, scopes = @Scopes, updated_at_ms = @UpdatedAtMs, version = version + 1
            WHERE client_id = @ClientId AND version = @Version
            """,
            Parameters(client), cancellationToken: ct));
        if (updated == 0)
        {
            throw new ConflictException($"OIDC client '{client.ClientId}' was changed by another request; read it again and retry.");
        }
    }

    public async Task<bool> DeleteAsync(string clientId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM oidc_codes WHERE client_id = @clientId", new { clientId }, cancellationToken: ct));
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM oidc_clients WHERE client_id = @clientId", new { clientId }, cancellationToken: ct)) == 1;
    }

    private static object Parameters(OidcClient c) => new
    {
        c.ClientId, c.Name, c.SecretHash, RedirectUris = JsonSerializer.Serialize(c.RedirectUris), Scopes = JsonSerializer.Serialize(c.Scopes),
        c.CreatedBy, CreatedAtMs = IdentityDb.Ms(c.CreatedAt), UpdatedAtMs = IdentityDb.Ms(c.UpdatedAt), c.Version,
    };

    private sealed class Row
    {
        public string ClientId { get; init; } = "";
        public string Name { get; init; } = "";
        public string SecretHash { get; init; } = "";
        public string RedirectUris { get; init; } = "[]";
        public string Scopes { get; init; } = "[]";
        public string? CreatedBy { get; init; }
        public long CreatedAtMs { get; init; }
        public long UpdatedAtMs { get; init; }
        public int Version { get; init; }

        public OidcClient ToClient() => new(ClientId, Name, SecretHash, JsonSerializer.Deserialize<List<string>>(RedirectUris) ?? [],
            JsonSerializer.Deserialize<List<string>>(Scopes) ?? [], CreatedBy, IdentityDb.At(CreatedAtMs), IdentityDb.At(UpdatedAtMs), Version);
    }
}
