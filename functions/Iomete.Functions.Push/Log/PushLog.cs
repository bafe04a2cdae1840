using System.Data.Common;
using System.Text.Json;
using Dapper;
using Iomete.Functions.Push.Visibility;
using Iomete.Platform.Data;
using Iomete.Platform.Http;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Push.Log;

/// <summary>The bounds of the log: the oldest and newest sequence kept (both 0 when it is empty).</summary>
public readonly record struct LogBounds(long Oldest, long Newest);

/// <summary>
/// The durable push log in the push database: every event once (by CloudEvent id), numbered without gaps, kept for
/// <see cref="PushOptions.Retention"/> or <see cref="PushOptions.MaxEvents"/>. Every replica tails it by sequence.
/// </summary>
public sealed class PushLog(IMetadataDb db, TimeProvider clock, IOptions<PushOptions> options)
{
    private const int MaxAttempts = 50;

    private const string Columns =
        "seq AS Seq, type AS Type, topic AS Topic, audience AS Audience, payload AS Payload, at_ms AS AtMs";

    /// <summary>Appends the event; returns its sequence, or null when an event with that id is already in the log.</summary>
    public async Task<long?> AppendAsync(PushDraft draft, CancellationToken ct)
    {
        var args = new
        {
            draft.EventId,
            draft.Type,
            draft.Topic,
            Audience = JsonSerializer.Serialize(draft.Audience, Json.Options),
            draft.Payload,
            AtMs = draft.At.ToUnixTimeMilliseconds(),
            AppendedMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await OpenAsync(ct);
            var existing = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT seq FROM push_events WHERE event_id = @EventId", args, cancellationToken: ct));
            if (existing is not null)
            {
                return null;
            }
            try
            {
                // A racing append takes the same number and fails on the primary key once this one commits: retry.
                var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    """
                    INSERT INTO push_events (seq, event_id, type, topic, audience, payload, at_ms, appended_ms)
                    SELECT COALESCE(MAX(seq), 0) + 1, @EventId, @Type, @Topic, @Audience, @Payload, @AtMs, @AppendedMs FROM push_events
                    RETURNING seq
                    """,
                    args, cancellationToken: ct));
                db.ChangeSignal(PushRegistration.Service)?.Signal();
                return seq;
            }
            catch (Exception ex) when (db.IsUniqueViolation(ex) && attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), ct);
            }
        }
    }

    /// <summary>Up to <paramref name="limit"/> events after <paramref name="after"/>, in order.</summary>
    public async Task<IReadOnlyList<PushEvent>> ReadAfterAsync(long after, int limit, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM push_events WHERE seq > @After ORDER BY seq LIMIT @Limit",
            new { After = after, Limit = limit }, cancellationToken: ct));
        return rows.Select(r => r.ToEvent()).ToList();
    }

    public async Task<LogBounds> BoundsAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var row = await connection.QuerySingleAsync<BoundsRow>(new CommandDefinition(
            "SELECT COALESCE(MIN(seq), 0) AS Oldest, COALESCE(MAX(seq), 0) AS Newest FROM push_events", cancellationToken: ct));
        return new LogBounds(row.Oldest, row.Newest);
    }

    /// <summary>Drops events beyond the retention; the newest always stays, so numbering continues after a quiet hour.</summary>
    public async Task<int> TrimAsync(CancellationToken ct)
    {
        var cutoff = (clock.GetUtcNow() - options.Value.Retention).ToUnixTimeMilliseconds();
        await using var connection = await OpenAsync(ct);
        var newest = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(MAX(seq), 0) FROM push_events", cancellationToken: ct));
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM push_events WHERE seq < @Newest AND (appended_ms < @Cutoff OR seq <= @Newest - @MaxEvents)",
            new { Newest = newest, Cutoff = cutoff, options.Value.MaxEvents }, cancellationToken: ct));
    }

    /// <summary>The database's change signal (embedded engine): unchanged means nothing was appended since.</summary>
    public long? ChangeMark => db.ChangeSignal(PushRegistration.Service)?.Current;

    private Task<DbConnection> OpenAsync(CancellationToken ct) => db.OpenAsync(PushRegistration.Service, ct);

    private sealed class Row
    {
        public long Seq { get; init; }
        public string Type { get; init; } = "";
        public string Topic { get; init; } = "";
        public string Audience { get; init; } = "";
        public string Payload { get; init; } = "";
        public long AtMs { get; init; }

        public PushEvent ToEvent() => new(Seq, Type, Topic,
            JsonSerializer.Deserialize<Audience>(Audience, Json.Options) ?? throw new InvalidDataException($"Push event {Seq} has no audience."),
            Payload, DateTimeOffset.FromUnixTimeMilliseconds(AtMs));
    }

    private sealed class BoundsRow
    {
        public long Oldest { get; init; }
        public long Newest { get; init; }
    }
}
