using System.Data.Common;
using Dapper;
using Iomete.Functions.Core.Common;
using Iomete.Functions.Core.Secrets;
using Iomete.Platform.Data;

namespace Iomete.Functions.Core.SparkSettings;

/// <summary>
/// Spark settings per scope (<c>global</c> or <c>domain/{id}</c>). Sensitive values are encrypted
/// at rest and leave this class redacted, except through <see cref="ISparkSettings"/>.
/// </summary>
public sealed class SparkSettingsStore(IMetadataDb db, SecretCipher cipher, TimeProvider clock) : ISparkSettings
{
    public const string GlobalScope = "global";

    public static string DomainScope(string domainId) => "domain/" + domainId;

    public async Task<SparkSettingsView> GetAsync(string scope, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CoreRegistration.Service, ct);
        return View(await ReadAsync(connection, null, scope, ct));
    }

    /// <summary>Replaces the scope's settings in one transaction; <c>*****</c> on a sensitive key keeps its stored value.</summary>
    public async Task<SparkSettingsView> ReplaceAsync(string scope, IReadOnlyList<SparkSettingChange> changes, string? updatedBy, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CoreRegistration.Service, ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var stored = (await ReadAsync(connection, tx, scope, ct)).ToDictionary(r => r.SettingKey, StringComparer.Ordinal);
        var errors = new FieldErrors();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var rows = new List<Row>(changes.Count);
        foreach (var change in changes)
        {
            string? secret = null;
            if (change.KeepStored)
            {
                if (stored.GetValueOrDefault(change.Key) is not { Sensitive: true, SecretValue: { } kept })
                {
                    errors.Add($"settings[{change.Index}].value",
                        $"'{SparkSettingRules.Redacted}' keeps a stored secret, but '{change.Key}' has no stored sensitive value here; send the real value");
                    continue;
                }
                secret = kept;
            }
            else if (change.Sensitive)
            {
                secret = cipher.Encrypt(change.Value);
            }
            rows.Add(new Row
            {
                Scope = scope, SettingKey = change.Key, Position = rows.Count, Sensitive = change.Sensitive,
                PlainValue = change.Sensitive ? null : change.Value, SecretValue = secret, UpdatedMs = now, UpdatedBy = updatedBy,
            });
        }
        errors.ThrowIfAny();

        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM spark_settings WHERE scope = @Scope", new { Scope = scope }, tx, cancellationToken: ct));
        foreach (var row in rows)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO spark_settings (scope, setting_key, position, sensitive, plain_value, secret_value, updated_ms, updated_by)
                VALUES (@Scope, @SettingKey, @Position, @Sensitive, @PlainValue, @SecretValue, @UpdatedMs, @UpdatedBy)
                """,
                row, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        return new SparkSettingsView(rows.Select(Redact).ToList(), DateTimeOffset.FromUnixTimeMilliseconds(now), updatedBy);
    }

    public async Task<IReadOnlyList<EffectiveSparkSetting>> GetEffectiveAsync(string? domainId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CoreRegistration.Service, ct);
        var merged = new SortedDictionary<string, EffectiveSparkSetting>(StringComparer.Ordinal);
        foreach (var row in await ReadAsync(connection, null, GlobalScope, ct))
        {
            merged[row.SettingKey] = Effective(row, SparkSettingSource.Global);
        }
        if (domainId is not null)
        {
            foreach (var row in await ReadAsync(connection, null, DomainScope(domainId), ct))
            {
                merged[row.SettingKey] = Effective(row, SparkSettingSource.Domain);
            }
        }
        return merged.Values.ToList();
    }

    private EffectiveSparkSetting Effective(Row row, SparkSettingSource source) =>
        new(row.SettingKey, row.Sensitive ? cipher.Decrypt(row.SecretValue!) : row.PlainValue ?? "", row.Sensitive, source);

    private static SparkSettingView Redact(Row row) =>
        new(row.SettingKey, row.Sensitive ? SparkSettingRules.Redacted : row.PlainValue ?? "", row.Sensitive);

    private static SparkSettingsView View(IReadOnlyList<Row> rows)
    {
        var last = rows.MaxBy(r => r.UpdatedMs);
        return new SparkSettingsView(rows.Select(Redact).ToList(),
            last is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(last.UpdatedMs), last?.UpdatedBy);
    }

    private static async Task<IReadOnlyList<Row>> ReadAsync(DbConnection connection, DbTransaction? tx, string scope, CancellationToken ct) =>
        (await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT scope AS Scope, setting_key AS SettingKey, position AS Position, sensitive AS Sensitive, plain_value AS PlainValue,
                   secret_value AS SecretValue, updated_ms AS UpdatedMs, updated_by AS UpdatedBy
            FROM spark_settings WHERE scope = @Scope ORDER BY position
            """,
            new { Scope = scope }, tx, cancellationToken: ct))).ToList();

    private sealed class Row
    {
        public string Scope { get; set; } = "";
        public string SettingKey { get; set; } = "";
        public int Position { get; set; }
        public bool Sensitive { get; set; }
        public string? PlainValue { get; set; }
        public string? SecretValue { get; set; }
        public long UpdatedMs { get; set; }
        public string? UpdatedBy { get; set; }
    }
}
