using System.Globalization;
using Dapper;
using Iomete.Platform.Data;

namespace Iomete.Functions.Core.SystemConfig;

/// <summary>One system-config key as the API shows it.</summary>
public sealed record SystemConfigEntry(
    string Key,
    string Value,
    string Default,
    string Description,
    SystemConfigType Type,
    bool IsDefault,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy);

/// <summary>Stored overrides of the known keys; a key without a row has its default.</summary>
public sealed class SystemConfigStore(IMetadataDb db, TimeProvider clock) : ISystemConfig
{
    public async Task<IReadOnlyList<SystemConfigEntry>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CoreRegistration.Service, ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT config_key AS ConfigKey, config_value AS ConfigValue, updated_ms AS UpdatedMs, updated_by AS UpdatedBy FROM system_config",
            cancellationToken: ct))).ToDictionary(r => r.ConfigKey, StringComparer.Ordinal);
        return SystemConfigKeys.All.Select(k => Entry(k, rows.GetValueOrDefault(k.Key))).ToList();
    }

    /// <summary>The entry of a known key, or null for an unknown key.</summary>
    public async Task<SystemConfigEntry?> FindAsync(string key, CancellationToken ct)
    {
        if (SystemConfigKeys.Find(key) is not { } known)
        {
            return null;
        }
        return Entry(known, await ReadAsync(key, ct));
    }

    public async Task<SystemConfigEntry> SetAsync(SystemConfigKey key, string value, string? updatedBy, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CoreRegistration.Service, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO system_config (config_key, config_value, updated_ms, updated_by) VALUES (@Key, @Value, @Now, @By)
            ON CONFLICT (config_key) DO UPDATE SET config_value = excluded.config_value, updated_ms = excluded.updated_ms, updated_by = excluded.updated_by
            """,
            new { key.Key, Value = value, Now = clock.GetUtcNow().ToUnixTimeMilliseconds(), By = updatedBy },
            cancellationToken: ct));
        return Entry(key, await ReadAsync(key.Key, ct));
    }

    public async Task<SystemConfigEntry> ResetAsync(SystemConfigKey key, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CoreRegistration.Service, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM system_config WHERE config_key = @Key", new { key.Key }, cancellationToken: ct));
        return Entry(key, null);
    }

    public async Task<string> GetAsync(string key, CancellationToken ct)
    {
        var known = SystemConfigKeys.Find(key) ?? throw new ArgumentException($"'{key}' is not a system-config key.", nameof(key));
        return (await ReadAsync(key, ct))?.ConfigValue ?? known.Default;
    }

    public async Task<int> GetIntAsync(string key, CancellationToken ct) =>
        int.Parse(await GetAsync(key, ct), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public async Task<bool> GetBoolAsync(string key, CancellationToken ct) => bool.Parse(await GetAsync(key, ct));

    public async Task<TimeSpan> GetDurationAsync(string key, CancellationToken ct) =>
        SystemConfigValues.ParseDuration(await GetAsync(key, ct))
        ?? throw new InvalidOperationException($"System config '{key}' does not hold a duration.");

    private async Task<Row?> ReadAsync(string key, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CoreRegistration.Service, ct);
        return await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT config_key AS ConfigKey, config_value AS ConfigValue, updated_ms AS UpdatedMs, updated_by AS UpdatedBy FROM system_config WHERE config_key = @Key",
            new { Key = key }, cancellationToken: ct));
    }

    private static SystemConfigEntry Entry(SystemConfigKey key, Row? row) => new(
        key.Key,
        row?.ConfigValue ?? key.Default,
        key.Default,
        key.Description,
        key.Type,
        row is null,
        row is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedMs),
        row?.UpdatedBy);

    private sealed class Row
    {
        public string ConfigKey { get; set; } = "";
        public string ConfigValue { get; set; } = "";
        public long UpdatedMs { get; set; }
        public string? UpdatedBy { get; set; }
    }
}
