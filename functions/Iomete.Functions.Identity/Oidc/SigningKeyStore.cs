using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Dapper;
using Iomete.Functions.Identity.Storage;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Iomete.Functions.Identity.Oidc;

/// <summary>A signing key as published: its id, when it began to sign, and its public JWK.</summary>
public sealed record SigningKeyInfo(string Kid, long Generation, DateTimeOffset CreatedAt, JsonObject PublicJwk);

/// <summary>
/// ES256 (P-256) signing keys in the identity database, private halves encrypted. The newest generation signs; the
/// database's unique generation decides which replica's rotation wins, so every replica signs with the same key. A
/// replaced key stays published until every token it signed has expired (ID token lifetime plus clock skew).
/// </summary>
public sealed class SigningKeyStore(IdentityDb db, IdentitySecretCipher cipher, TimeProvider clock, IOptions<OidcOptions> options)
{
    private readonly ConcurrentDictionary<string, ECDsaSecurityKey> _privateKeys = new(StringComparer.Ordinal);

    private TimeSpan Retention => options.Value.IdTokenLifetime + options.Value.ClockSkew;

    /// <summary>The key to sign with now; creates the first key, or a new one when the active key is older than the rotation age.</summary>
    public async Task<ECDsaSecurityKey> ActiveAsync(CancellationToken ct)
    {
        var keys = await LoadAsync(ct);
        var newest = keys.Count == 0 ? null : keys[^1];
        if (newest is null || newest.CreatedAt + TimeSpan.FromDays(options.Value.KeyRotationDays) <= clock.GetUtcNow())
        {
            newest = await RotateFromAsync(newest?.Generation ?? 0, ct);
        }
        return _privateKeys.GetOrAdd(newest.Kid, _ => Decrypt(newest));
    }

    /// <summary>Replaces the active key with a new one; returns the key that signs from now on.</summary>
    public async Task<SigningKeyInfo> RotateAsync(CancellationToken ct)
    {
        var keys = await LoadAsync(ct);
        var row = await RotateFromAsync(keys.Count == 0 ? 0 : keys[^1].Generation, ct);
        return row.Info();
    }

    /// <summary>The public keys relying parties need: the active key and every replaced key still within the retention.</summary>
    public async Task<IReadOnlyList<SigningKeyInfo>> PublishedAsync(CancellationToken ct)
    {
        if ((await LoadAsync(ct)).Count == 0)
        {
            await ActiveAsync(ct);
        }
        var keys = await LoadAsync(ct);
        var now = clock.GetUtcNow();
        var published = new List<SigningKeyInfo>();
        var expired = new List<string>();
        for (var i = 0; i < keys.Count; i++)
        {
            var replacedAt = i + 1 < keys.Count ? keys[i + 1].CreatedAt : (DateTimeOffset?)null;
            if (replacedAt is null || replacedAt.Value + Retention > now)
            {
                published.Add(keys[i].Info());
            }
            else
            {
                expired.Add(keys[i].Kid);
            }
        }
        if (expired.Count > 0)
        {
            await DeleteAsync(expired, ct);
        }
        published.Reverse();
        return published;
    }

    private async Task<KeyRow> RotateFromAsync(long currentGeneration, CancellationToken ct)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var kid = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Base64UrlEncoder.Encode(parameters.Q.X!), ["y"] = Base64UrlEncoder.Encode(parameters.Q.Y!),
            ["kid"] = kid, ["use"] = "sig", ["alg"] = SecurityAlgorithms.EcdsaSha256,
        };
        var row = new KeyRow
        {
            Kid = kid, Generation = currentGeneration + 1, PublicJwk = jwk.ToJsonString(),
            PrivateKey = cipher.Encrypt(Convert.ToBase64String(ecdsa.ExportECPrivateKey())), CreatedAtMs = IdentityDb.Ms(clock.GetUtcNow()),
        };
        await using var connection = await db.OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO oidc_signing_keys (kid, generation, public_jwk, private_key, created_at_ms)
                VALUES (@Kid, @Generation, @PublicJwk, @PrivateKey, @CreatedAtMs)
                """,
                row, cancellationToken: ct));
            return row;
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            // Another replica rotated first: its key is the active one.
            var keys = await LoadAsync(ct);
            return keys[^1];
        }
    }

    private async Task<List<KeyRow>> LoadAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(
            """
            SELECT kid AS Kid, generation AS Generation, public_jwk AS PublicJwk, private_key AS PrivateKey, created_at_ms AS CreatedAtMs
            FROM oidc_signing_keys ORDER BY generation
            """,
            cancellationToken: ct));
        return rows.ToList();
    }

    private async Task DeleteAsync(IReadOnlyList<string> kids, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        foreach (var kid in kids)
        {
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM oidc_signing_keys WHERE kid = @kid", new { kid }, cancellationToken: ct));
            _privateKeys.TryRemove(kid, out _);
        }
    }

    private ECDsaSecurityKey Decrypt(KeyRow row)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportECPrivateKey(Convert.FromBase64String(cipher.Decrypt(row.PrivateKey)), out _);
        return new ECDsaSecurityKey(ecdsa) { KeyId = row.Kid };
    }

    private sealed class KeyRow
    {
        public string Kid { get; init; } = "";
        public long Generation { get; init; }
        public string PublicJwk { get; init; } = "";
        public string PrivateKey { get; init; } = "";
        public long CreatedAtMs { get; init; }

        public DateTimeOffset CreatedAt => IdentityDb.At(CreatedAtMs);

        public SigningKeyInfo Info() => new(Kid, Generation, CreatedAt, JsonNode.Parse(PublicJwk)!.AsObject());
    }
}
