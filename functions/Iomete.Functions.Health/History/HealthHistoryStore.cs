using Dapper;
using Iomete.Functions.Health.Monitoring;
using Iomete.Platform.Data;

namespace Iomete.Functions.Health.History;

/// <summary>The health database: hourly samples per component, the last status per component.</summary>
public sealed class HealthHistoryStore(IMetadataDb db)
{
    public async Task<IReadOnlyList<HourSamples>> LoadHoursAsync(long fromMs, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(HealthRegistration.Service, ct);
        var rows = await connection.QueryAsync<HourRow>(new CommandDefinition(
            """
            SELECT component AS Component, hour_ms AS HourMs, samples AS Samples, failures AS Failures, observed_ms AS ObservedMs, failing_ms AS FailingMs
            FROM health_hours WHERE hour_ms >= @fromMs
            """, new { fromMs }, cancellationToken: ct));
        return [.. rows.Select(r => new HourSamples(r.Component, r.HourMs, r.Samples, r.Failures, r.ObservedMs, r.FailingMs))];
    }

    public async Task<IReadOnlyList<ComponentStatus>> LoadStatusAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(HealthRegistration.Service, ct);
        var rows = await connection.QueryAsync<StatusRow>(new CommandDefinition(
            "SELECT component AS Component, status AS Status, since_ms AS SinceMs, checked_ms AS CheckedMs, message AS Message FROM health_status",
            cancellationToken: ct));
        return [.. rows.Select(r => new ComponentStatus(r.Component, HealthStatuses.Parse(r.Status),
            DateTimeOffset.FromUnixTimeMilliseconds(r.SinceMs), DateTimeOffset.FromUnixTimeMilliseconds(r.CheckedMs), r.Message))];
    }

    /// <summary>Adds the increments to their hours and saves the statuses, in one transaction.</summary>
    public async Task WriteAsync(IReadOnlyCollection<HourSamples> increments, IReadOnlyCollection<ComponentStatus> statuses, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(HealthRegistration.Service, ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO health_hours (component, hour_ms, samples, failures, observed_ms, failing_ms)
            VALUES (@Component, @HourMs, @Samples, @Failures, @ObservedMs, @FailingMs)
            ON CONFLICT (component, hour_ms) DO UPDATE SET
                samples = health_hours.samples + excluded.samples,
                failures = health_hours.failures + excluded.failures,
                observed_ms = health_hours.observed_ms + excluded.observed_ms,
                failing_ms = health_hours.failing_ms + excluded.failing_ms
            """, increments, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO health_status (component, status, since_ms, checked_ms, message)
            VALUES (@Component, @Status, @SinceMs, @CheckedMs, @Message)
            ON CONFLICT (component) DO UPDATE SET status = excluded.status, since_ms = excluded.since_ms,
                checked_ms = excluded.checked_ms, message = excluded.message
            """,
            statuses.Where(s => s.Status != HealthStatus.NoData).Select(s => new StatusRow
            {
                Component = s.Component,
                Status = s.Status.Name(),
                SinceMs = s.Since.ToUnixTimeMilliseconds(),
                CheckedMs = s.CheckedAt.ToUnixTimeMilliseconds(),
                Message = s.Message is { Length: > 2048 } m ? m[..2048] : s.Message,
            }), transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    /// <summary>Deletes the hours before <paramref name="beforeMs"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(long beforeMs, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(HealthRegistration.Service, ct);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM health_hours WHERE hour_ms < @beforeMs", new { beforeMs }, cancellationToken: ct));
    }

    private sealed class HourRow
    {
        public string Component { get; init; } = "";
        public long HourMs { get; init; }
        public int Samples { get; init; }
        public int Failures { get; init; }
        public long ObservedMs { get; init; }
        public long FailingMs { get; init; }
    }

    private sealed class StatusRow
    {
        public string Component { get; init; } = "";
        public string Status { get; init; } = "";
        public long SinceMs { get; init; }
        public long CheckedMs { get; init; }
        public string? Message { get; init; }
    }
}
