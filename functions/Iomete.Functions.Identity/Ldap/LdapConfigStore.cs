using System.Text.Json;
using Dapper;
using Iomete.Functions.Identity.Storage;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;

namespace Iomete.Functions.Identity.Ldap;

/// <summary>The platform's one LDAP configuration; the bind credential is stored encrypted.</summary>
public sealed class LdapConfigStore(IdentityDb db, IdentitySecretCipher cipher, TimeProvider clock)
{
    private const string Id = "default";

    public async Task<StoredLdapConfig?> GetAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT settings_json AS SettingsJson, bind_credential AS BindCredential, updated_by AS UpdatedBy, updated_at_ms AS UpdatedAtMs, version AS Version " +
            "FROM ldap_config WHERE id = @Id", new { Id }, cancellationToken: ct));
        return row is null
            ? null
            : new StoredLdapConfig(JsonSerializer.Deserialize<LdapSettings>(row.SettingsJson, Json.Options)!, row.BindCredential,
                row.UpdatedBy, IdentityDb.At(row.UpdatedAtMs), row.Version);
    }

    /// <summary>The enabled configuration with its decrypted credential, or null when LDAP is off.</summary>
    public async Task<LdapConnectionSettings?> GetEnabledAsync(CancellationToken ct) =>
        await GetAsync(ct) is { Settings.Enabled: true } stored ? Decrypt(stored) : null;

    public LdapConnectionSettings Decrypt(StoredLdapConfig stored) =>
        new(stored.Settings, stored.EncryptedCredential is { } secret ? cipher.Decrypt(secret) : null);

    /// <summary>
    /// Creates or replaces the configuration. <paramref name="credential"/> null keeps the stored one, empty removes it.
    /// 409 when <paramref name="expectedVersion"/> is not the stored version.
    /// </summary>
    public async Task<StoredLdapConfig> SaveAsync(LdapSettings settings, string? credential, int? expectedVersion, string updatedBy, CancellationToken ct)
    {
        var current = await GetAsync(ct);
        var encrypted = credential is null ? current?.EncryptedCredential : credential.Length == 0 ? null : cipher.Encrypt(credential);
        var now = clock.GetUtcNow();
        var args = new
        {
            Id, SettingsJson = JsonSerializer.Serialize(settings, Json.Options), BindCredential = encrypted, UpdatedBy = updatedBy,
            UpdatedAtMs = IdentityDb.Ms(now), Version = current?.Version ?? 0,
        };
        await using var connection = await db.OpenAsync(ct);
        int changed;
        if (current is null)
        {
            changed = await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO ldap_config (id, settings_json, bind_credential, updated_by, updated_at_ms, version) " +
                "VALUES (@Id, @SettingsJson, @BindCredential, @UpdatedBy, @UpdatedAtMs, 1) ON CONFLICT (id) DO NOTHING",
                args, cancellationToken: ct));
        }
        else
        {
            if (expectedVersion is { } expected && expected != current.Version)
            {
                throw new ConflictException($"The LDAP configuration is at version {current.Version}, not {expected}; read it again and retry.");
            }
            changed = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE ldap_config SET settings_json = @SettingsJson, bind_credential = @BindCredential, updated_by = @UpdatedBy, " +
                "updated_at_ms = @UpdatedAtMs, version = version + 1 WHERE id = @Id AND version = @Version",
                args, cancellationToken: ct));
        }
        if (changed == 0)
        {
            throw new ConflictException("The LDAP configuration was changed by another request; read it again and retry.");
        }
        return new StoredLdapConfig(settings, encrypted, updatedBy, IdentityDb.At(IdentityDb.Ms(now)), args.Version + 1);
    }

    public async Task<bool> DeleteAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM ldap_config WHERE id = @Id", new { Id }, cancellationToken: ct)) == 1;
    }

    private sealed class Row
    {
        public string SettingsJson { get; init; } = "";
        public string? BindCredential { get; init; }
        public string? UpdatedBy { get; init; }
        public long UpdatedAtMs { get; init; }
        public int Version { get; init; }
    }
}

/// <summary>The stored configuration; <see cref="EncryptedCredential"/> is ciphertext and never leaves the service.</summary>
public sealed record StoredLdapConfig(LdapSettings Settings, string? EncryptedCredential, string? UpdatedBy, DateTimeOffset UpdatedAt, int Version)
{
    public LdapConfigView ToView() => new(Settings.ConnectionUrl, Settings.BindDn, EncryptedCredential is not null, Settings.UsersDn,
        Settings.UserObjectClasses, Settings.UserFilters, Settings.AttributeMapping, Settings.ServiceAccountMapping, Settings.GroupSync,
        Settings.SyncIntervalSeconds, Settings.PageSize, Settings.Enabled, UpdatedBy, UpdatedAt, Version);
}
