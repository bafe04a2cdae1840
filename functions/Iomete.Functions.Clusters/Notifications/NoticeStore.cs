using Dapper;
using Iomete.Platform.Data;

namespace Iomete.Functions.Clusters.Notifications;

/// <summary>What became of one email a run's event called for.</summary>
public enum NoticeStatus
{
    Sending,
    Sent,
    Silenced,
    Skipped,
}

/// <summary>
/// The record of notices per (run, event, recipient). A notice is claimed before its email is sent, so a redelivered
/// event finds the claim and sends nothing; a failed send releases the claim for the retry.
/// </summary>
public sealed class NoticeStore(IMetadataDb db, TimeProvider clock)
{
    /// <summary>True when this call claimed the notice (nobody sent or is sending it).</summary>
    public async Task<bool> TryClaimAsync(string runId, NotificationEvent @event, string recipient, string domain, string jobId, NoticeStatus status, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO job_notification_notices (run_id, event, recipient, domain_id, job_id, status, at_ms) VALUES (@RunId, @Event, @Recipient, @Domain, @JobId, @Status, @Now)
            ON CONFLICT (run_id, event, recipient) DO NOTHING
            """,
            new { RunId = runId, Event = @event.ToString(), Recipient = recipient, Domain = domain, JobId = jobId, Status = status.ToString(), Now = Now() },
            cancellationToken: ct)) > 0;
    }

    public async Task MarkAsync(string runId, NotificationEvent @event, string recipient, NoticeStatus status, string? detail, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE job_notification_notices SET status = @Status, detail = @Detail, at_ms = @Now WHERE run_id = @RunId AND event = @Event AND recipient = @Recipient",
            new { RunId = runId, Event = @event.ToString(), Recipient = recipient, Status = status.ToString(), Detail = detail, Now = Now() }, cancellationToken: ct));
    }

    public async Task ReleaseAsync(string runId, NotificationEvent @event, string recipient, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM job_notification_notices WHERE run_id = @RunId AND event = @Event AND recipient = @Recipient",
            new { RunId = runId, Event = @event.ToString(), Recipient = recipient }, cancellationToken: ct));
    }

    /// <summary>The notices of a run, as (event, recipient, status), for tests and support.</summary>
    public async Task<IReadOnlyList<(string Event, string Recipient, string Status)>> ForRunAsync(string runId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        var rows = await connection.QueryAsync<(string, string, string)>(new CommandDefinition(
            "SELECT event, recipient, status FROM job_notification_notices WHERE run_id = @RunId ORDER BY event, recipient", new { RunId = runId }, cancellationToken: ct));
        return rows.ToList();
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
