using Dapper;
using Iomete.Functions.Identity.Storage;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;

namespace Iomete.Functions.Identity.Tokens;

/// <summary>Access tokens by owner and name; the secret is stored only as its SHA-256.</summary>
public sealed class AccessTokenStore(IdentityDb db)
{
    private const string Columns =
        "id AS Id, owner_id AS OwnerId, name AS Name, status AS Status, max_rps AS MaxRps, expires_at_ms AS ExpiresAtMs, " +
        "created_by AS CreatedBy, created_at_ms AS CreatedAtMs, last_used_ms AS LastUsedMs";

    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["name"] = "name",
        ["createdAt"] = "created_at_ms",
        ["expiresAt"] = "expires_at_ms",
        ["lastUsed"] = "last_used_ms",
    };

    public async Task InsertAsync(AccessToken token, string secretHash, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO access_tokens (id, owner_id, name, token_hash, status, max_rps, expires_at_ms, created_by, created_at_ms, last_used_ms)
                VALUES (@Id, @OwnerId, @Name, @Hash, @Status, @MaxRps, @ExpiresAtMs, @CreatedBy, @CreatedAtMs, NULL)
                """,
                new
                {
                    token.Id, token.OwnerId, token.Name, Hash = secretHash, Status = DbEnum<TokenStatus>.Name(token.Status), token.MaxRps,
                    ExpiresAtMs = token.ExpiresAt is { } e ? IdentityDb.Ms(e) : (long?)null, token.CreatedBy, CreatedAtMs = IdentityDb.Ms(token.CreatedAt),
                },
                cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"An access token named '{token.Name}' exists already.");
        }
    }

    public async Task<AccessToken?> GetAsync(string ownerId, string name, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM access_tokens WHERE owner_id = @ownerId AND name = @name", new { ownerId, name }, cancellationToken: ct));
        return row?.ToToken();
    }

    public async Task<AccessToken> RequireAsync(string ownerId, string name, CancellationToken ct) =>
        await GetAsync(ownerId, name, ct) ?? throw new NotFoundException("Access token", name);

    public async Task<Page<AccessToken>> ListAsync(string ownerId, ListQuery query, CancellationToken ct)
    {
        var where = "WHERE owner_id = @ownerId" + (query.SearchPattern is null ? string.Empty : " AND lower(name) LIKE @Pattern ESCAPE '\\'");
        var args = new { ownerId, Pattern = query.SearchPattern, query.Limit, query.Offset };
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM access_tokens {where}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM access_tokens {where} ORDER BY {query.OrderBy}, id LIMIT @Limit OFFSET @Offset", args, cancellationToken: ct));
        return new Page<AccessToken>(rows.Select(r => r.ToToken()).ToList(), total, query.Offset, query.Limit);
    }

    public async Task<bool> UpdateAsync(AccessToken token, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE access_tokens SET status = @Status, max_rps = @MaxRps WHERE id = @Id",
            new { token.Id, Status = DbEnum<TokenStatus>.Name(token.Status), token.MaxRps }, cancellationToken: ct)) == 1;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM access_tokens WHERE id = @id", new { id }, cancellationToken: ct)) == 1;
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string OwnerId { get; init; } = "";
        public string Name { get; init; } = "";
        public string Status { get; init; } = "";
        public int? MaxRps { get; init; }
        public long? ExpiresAtMs { get; init; }
        public string? CreatedBy { get; init; }
        public long CreatedAtMs { get; init; }
        public long? LastUsedMs { get; init; }

        public AccessToken ToToken() => new(Id, OwnerId, Name, DbEnum<TokenStatus>.Parse(Status), MaxRps, IdentityDb.At(ExpiresAtMs),
            CreatedBy, IdentityDb.At(CreatedAtMs), IdentityDb.At(LastUsedMs));
    }
}
