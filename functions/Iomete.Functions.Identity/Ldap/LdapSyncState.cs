using System.Text.Json;
using Dapper;
using Iomete.Functions.Identity.Storage;
using Iomete.Platform.Http;

namespace Iomete.Functions.Identity.Ldap;

public enum LdapSyncOutcome
{
    Running,
    Succeeded,
    Failed,
}

/// <summary>The last sync run as the API shows it.</summary>
public sealed record LdapSyncStatus(
    bool Running,
    string? Trigger,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    LdapSyncOutcome? Outcome,
    LdapSyncCounts? Counts,
    string? Error,
    DateTimeOffset? NextRunAt);

/// <summary>
/// The sync row: a lease claimed by compare-and-swap, so one replica (or one request) syncs at a time, and the
/// time of the next periodic run.
/// </summary>
public sealed class LdapSyncState(IdentityDb db, TimeProvider clock)
{
    /// <summary>Longest a sync may hold the lease; a replica that died mid-run frees it after this.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromHours(1);

    /// <summary>Claims the lease; false when another sync holds it (or, with <paramref name="dueOnly"/>, when no run is due).</summary>
    public async Task<bool> TryClaimAsync(string owner, string trigger, bool dueOnly, CancellationToken ct)
    {
        var now = IdentityDb.Ms(clock.GetUtcNow());
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE ldap_sync_state SET lease_owner = @owner, lease_until_ms = @until, last_started_ms = @now, last_finished_ms = NULL, " +
            "last_trigger = @trigger, last_outcome = @running, last_counts_json = NULL, last_error = NULL " +
            "WHERE id = 'default' AND (lease_until_ms IS NULL OR lease_until_ms < @now)" +
            (dueOnly ? " AND next_run_ms IS NOT NULL AND next_run_ms <= @now" : ""),
            new { owner, until = now + (long)Lease.TotalMilliseconds, now, trigger, running = DbEnum<LdapSyncOutcome>.Name(LdapSyncOutcome.Running) },
            cancellationToken: ct)) == 1;
    }

    /// <summary>Records the outcome, frees the lease and schedules the next periodic run.</summary>
    public async Task FinishAsync(string owner, LdapSyncCounts? counts, string? error, TimeSpan interval, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE ldap_sync_state SET lease_owner = NULL, lease_until_ms = NULL, last_finished_ms = @now, last_outcome = @outcome, " +
            "last_counts_json = @counts, last_error = @error, next_run_ms = @next WHERE id = 'default' AND lease_owner = @owner",
            new
            {
                owner, now = IdentityDb.Ms(now), next = IdentityDb.Ms(now + interval), error,
                outcome = DbEnum<LdapSyncOutcome>.Name(error is null ? LdapSyncOutcome.Succeeded : LdapSyncOutcome.Failed),
                counts = counts is null ? null : JsonSerializer.Serialize(counts, Json.Options),
            },
            cancellationToken: ct));
    }

    /// <summary>Sets the next periodic run (a saved configuration starts a new period); null stops periodic runs.</summary>
    public async Task ScheduleAsync(TimeSpan? interval, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE ldap_sync_state SET next_run_ms = @next WHERE id = 'default'",
            new { next = interval is { } i ? IdentityDb.Ms(clock.GetUtcNow() + i) : (long?)null }, cancellationToken: ct));
    }

    public async Task<LdapSyncStatus> GetAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleAsync<Row>(new CommandDefinition(
            "SELECT lease_until_ms AS LeaseUntilMs, next_run_ms AS NextRunMs, last_started_ms AS LastStartedMs, last_finished_ms AS LastFinishedMs, " +
            "last_trigger AS LastTrigger, last_outcome AS LastOutcome, last_counts_json AS LastCountsJson, last_error AS LastError " +
            "FROM ldap_sync_state WHERE id = 'default'", cancellationToken: ct));
        var running = row.LeaseUntilMs is { } until && until >= IdentityDb.Ms(clock.GetUtcNow());
        return new LdapSyncStatus(running, row.LastTrigger, IdentityDb.At(row.LastStartedMs), IdentityDb.At(row.LastFinishedMs),
            row.LastOutcome is { } o ? DbEnum<LdapSyncOutcome>.Parse(o) : null,
            row.LastCountsJson is { } c ? JsonSerializer.Deserialize<LdapSyncCounts>(c, Json.Options) : null, row.LastError, IdentityDb.At(row.NextRunMs));
    }

    private sealed class Row
    {
        public long? LeaseUntilMs { get; init; }
        public long? NextRunMs { get; init; }
        public long? LastStartedMs { get; init; }
        public long? LastFinishedMs { get; init; }
        public string? LastTrigger { get; init; }
        public string? LastOutcome { get; init; }
        public string? LastCountsJson { get; init; }
        public string? LastError { get; init; }
    }
}
