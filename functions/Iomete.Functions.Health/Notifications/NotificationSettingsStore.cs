using System.Text.Json;
using Dapper;
using Iomete.Platform.Data;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.Health.Notifications;

/// <summary>
/// The one notification configuration. The last one read or saved is kept in memory: a metadata-database outage is
/// exactly when the settings are needed and cannot be read.
/// </summary>
public sealed partial class NotificationSettingsStore(IMetadataDb db, TimeProvider clock, ILogger<NotificationSettingsStore> logger)
{
    private const string Id = "default";
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(3);

    private volatile NotificationSettings? _cached;

    public async Task<NotificationSettings> GetAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(HealthRegistration.Service, ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT emails AS Emails, webhooks AS Webhooks, updated_ms AS UpdatedMs, updated_by AS UpdatedBy FROM health_notification_settings WHERE id = @Id",
            new { Id }, cancellationToken: ct));
        var settings = row is null
            ? NotificationSettings.None
            : new NotificationSettings(
                JsonSerializer.Deserialize<List<string>>(row.Emails) ?? [],
                JsonSerializer.Deserialize<List<string>>(row.Webhooks) ?? [],
                DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedMs),
                row.UpdatedBy);
        _cached = settings;
        return settings;
    }

    /// <summary>For delivery: the database's settings, or the last known ones when it does not answer (none: nothing to send).</summary>
    public async Task<NotificationSettings> GetForDeliveryAsync(CancellationToken ct)
    {
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(ReadTimeout);
            return await GetAsync(deadline.Token);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogReadFailed(logger, ex);
            return _cached ?? NotificationSettings.None;
        }
    }

    /// <summary>Reads the settings once while the database answers, so an outage that comes later still knows whom to tell.</summary>
    public async Task WarmAsync(CancellationToken ct)
    {
        if (_cached is null)
        {
            await GetForDeliveryAsync(ct);
        }
    }

    public async Task<NotificationSettings> SaveAsync(IReadOnlyList<string> emails, IReadOnlyList<string> webhooks, string? updatedBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(HealthRegistration.Service, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO health_notification_settings (id, emails, webhooks, updated_ms, updated_by)
            VALUES (@Id, @Emails, @Webhooks, @UpdatedMs, @UpdatedBy)
            ON CONFLICT (id) DO UPDATE SET emails = excluded.emails, webhooks = excluded.webhooks,
                updated_ms = excluded.updated_ms, updated_by = excluded.updated_by
            """,
            new { Id, Emails = JsonSerializer.Serialize(emails), Webhooks = JsonSerializer.Serialize(webhooks), UpdatedMs = now.ToUnixTimeMilliseconds(), UpdatedBy = updatedBy },
            cancellationToken: ct));
        var saved = new NotificationSettings(emails, webhooks, DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()), updatedBy);
        _cached = saved;
        return saved;
    }

    [LoggerMessage(EventId = 9201, Level = LogLevel.Warning, Message = "Health notification settings could not be read; using the last known ones")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);

    private sealed class Row
    {
        public string Emails { get; init; } = "[]";
        public string Webhooks { get; init; } = "[]";
        public long UpdatedMs { get; init; }
        public string? UpdatedBy { get; init; }
    }
}
