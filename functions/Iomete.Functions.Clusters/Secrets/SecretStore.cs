using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;

namespace Iomete.Functions.Clusters.Secrets;

/// <summary>A stored secret without its value: values are written, never read back through the API.</summary>
public sealed record SecretEntry(string Scope, string Key, string CreatedBy, DateTimeOffset CreatedAt, string UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>
/// Domain and global secrets (scope = domain id, or <see cref="GlobalScope"/>), values encrypted with
/// <see cref="ClusterSecretCipher"/>. Decrypted values leave this class only towards the data plane's Secret objects.
/// </summary>
public sealed class SecretStore(IMetadataDb db, ClusterSecretCipher cipher, TimeProvider clock)
{
    public const string GlobalScope = "";

    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["key"] = "secret_key",
        ["createdAt"] = "created_ms",
        ["updatedAt"] = "updated_ms",
    };

    private const string Columns =
        "scope AS Scope, secret_key AS SecretKey, created_by AS CreatedBy, created_ms AS CreatedMs, updated_by AS UpdatedBy, updated_ms AS UpdatedMs";

    public async Task<Page<SecretEntry>> ListAsync(string scope, ListQuery query, CancellationToken ct)
    {
        var where = "WHERE scope = @Scope" + (query.SearchPattern is null ? "" : " AND lower(secret_key) LIKE @Pattern ESCAPE '\\'");
        var args = new { Scope = scope, Pattern = query.SearchPattern, query.Limit, query.Offset };
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM secrets {where}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM secrets {where} ORDER BY {query.OrderBy}, secret_key LIMIT @Limit OFFSET @Offset", args, cancellationToken: ct));
        return new Page<SecretEntry>(rows.Select(r => r.ToEntry()).ToList(), total, query.Offset, query.Limit);
    }

    /// <summary>Which of <paramref name="keys"/> exist in the scope.</summary>
    public async Task<IReadOnlySet<string>> ExistingAsync(string scope, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return new HashSet<string>();
        }
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        // The scope's keys, filtered here: Dapper passes a list to Npgsql as one array parameter, which "IN @Keys" cannot take.
        var all = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT secret_key FROM secrets WHERE scope = @Scope", new { Scope = scope }, cancellationToken: ct));
        return all.Where(k => keys.Contains(k, StringComparer.Ordinal)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every key of the scope with its decrypted value, for the data plane's Secret object.</summary>
    internal async Task<SortedDictionary<string, string>> ValuesAsync(string scope, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        var rows = await connection.QueryAsync<(string Key, string Value)>(new CommandDefinition(
            "SELECT secret_key, value_secret FROM secrets WHERE scope = @Scope", new { Scope = scope }, cancellationToken: ct));
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in rows)
        {
            values[key] = cipher.Decrypt(value);
        }
        return values;
    }

    /// <summary>Adds a secret; an existing key is a 409.</summary>
    public async Task<SecretEntry> CreateAsync(string scope, string key, string value, string by, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO secrets (scope, secret_key, value_secret, created_by, created_ms, updated_by, updated_ms)
                VALUES (@Scope, @Key, @Value, @By, @Now, @By, @Now)
                """,
                new { Scope = scope, Key = key, Value = cipher.Encrypt(value), By = by, Now = now }, cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"A secret with key '{key}' already exists.");
        }
        var at = DateTimeOffset.FromUnixTimeMilliseconds(now);
        return new SecretEntry(scope, key, by, at, by, at);
    }

    /// <summary>Replaces a secret's value; null when the key does not exist.</summary>
    public async Task<SecretEntry?> UpdateAsync(string scope, string key, string value, string by, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE secrets SET value_secret = @Value, updated_by = @By, updated_ms = @Now WHERE scope = @Scope AND secret_key = @Key",
            new { Scope = scope, Key = key, Value = cipher.Encrypt(value), By = by, Now = clock.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: ct));
        if (changed == 0)
        {
            return null;
        }
        var row = await connection.QuerySingleAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM secrets WHERE scope = @Scope AND secret_key = @Key", new { Scope = scope, Key = key }, cancellationToken: ct));
        return row.ToEntry();
    }

    public async Task<bool> DeleteAsync(string scope, string key, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM secrets WHERE scope = @Scope AND secret_key = @Key", new { Scope = scope, Key = key }, cancellationToken: ct)) > 0;
    }

    private sealed class Row
    {
        public string Scope { get; set; } = "";
        public string SecretKey { get; set; } = "";
        public string CreatedBy { get; set; } = "";
        public long CreatedMs { get; set; }
        public string UpdatedBy { get; set; } = "";
        public long UpdatedMs { get; set; }

        public SecretEntry ToEntry() => new(Scope, SecretKey, CreatedBy, DateTimeOffset.FromUnixTimeMilliseconds(CreatedMs),
            UpdatedBy, DateTimeOffset.FromUnixTimeMilliseconds(UpdatedMs));
    }
}
