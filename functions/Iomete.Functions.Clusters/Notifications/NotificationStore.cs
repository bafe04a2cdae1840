using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Time;

namespace Iomete.Functions.Clusters.Notifications;

/// <summary>Job notification subscriptions and silences in the cluster service's database.</summary>
public sealed class NotificationStore(IMetadataDb db, IIdGenerator ids, TimeProvider clock)
{
    private const string Columns =
        "id AS Id, job_id AS JobId, recipient AS Recipient, events AS Events, created_by AS CreatedBy, created_ms AS CreatedMs, updated_by AS UpdatedBy, updated_ms AS UpdatedMs";

    public async Task<IReadOnlyList<NotificationView>> ListAsync(string domain, string jobId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM job_notifications WHERE domain_id = @Domain AND job_id = @JobId ORDER BY recipient",
            new { Domain = domain, JobId = jobId }, cancellationToken: ct));
        return rows.Select(r => r.ToView()).ToList();
    }

    public async Task<NotificationView> CreateAsync(string domain, string jobId, string email, IReadOnlyList<NotificationEvent> events, string by, CancellationToken ct)
    {
        var id = ids.NewId();
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO job_notifications (id, domain_id, job_id, recipient, events, created_by, created_ms, updated_by, updated_ms)
                VALUES (@Id, @Domain, @JobId, @Email, @Events, @By, @Now, @By, @Now)
                """,
                new { Id = id, Domain = domain, JobId = jobId, Email = email, Events = Store(events), By = by, Now = Now() }, cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw Duplicate(email);
        }
        return (await GetAsync(domain, jobId, id, ct))!;
    }

    public async Task<NotificationView?> UpdateAsync(string domain, string jobId, string id, string email, IReadOnlyList<NotificationEvent> events, string by, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        int changed;
        try
        {
            changed = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE job_notifications SET recipient = @Email, events = @Events, updated_by = @By, updated_ms = @Now WHERE id = @Id AND domain_id = @Domain AND job_id = @JobId",
                new { Id = id, Domain = domain, JobId = jobId, Email = email, Events = Store(events), By = by, Now = Now() }, cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw Duplicate(email);
        }
        return changed == 0 ? null : await GetAsync(domain, jobId, id, ct);
    }

    public async Task<bool> DeleteAsync(string domain, string jobId, string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM job_notifications WHERE id = @Id AND domain_id = @Domain AND job_id = @JobId",
            new { Id = id, Domain = domain, JobId = jobId }, cancellationToken: ct)) > 0;
    }

    /// <summary>Replaces the job's silence (silences do not stack).</summary>
    public async Task<SilenceView> SilenceAsync(string domain, string jobId, string duration, TimeSpan length, string by, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + length;
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO job_notification_silences (domain_id, job_id, until_ms, duration, set_by, set_ms) VALUES (@Domain, @JobId, @Until, @Duration, @By, @Now)
            ON CONFLICT (domain_id, job_id) DO UPDATE SET until_ms = excluded.until_ms, duration = excluded.duration, set_by = excluded.set_by, set_ms = excluded.set_ms
            """,
            new { Domain = domain, JobId = jobId, Until = until.ToUnixTimeMilliseconds(), Duration = duration, By = by, Now = now.ToUnixTimeMilliseconds() },
            cancellationToken: ct));
        return new SilenceView(jobId, DateTimeOffset.FromUnixTimeMilliseconds(until.ToUnixTimeMilliseconds()), duration, by);
    }

    public async Task<bool> UnsilenceAsync(string domain, string jobId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM job_notification_silences WHERE domain_id = @Domain AND job_id = @JobId", new { Domain = domain, JobId = jobId }, cancellationToken: ct)) > 0;
    }

    /// <summary>The job's silence while it lasts at <paramref name="at"/>; an expired one reads as none.</summary>
    public async Task<SilenceView> SilenceAtAsync(string domain, string jobId, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        var row = await connection.QuerySingleOrDefaultAsync<(long Until, string Duration, string By)?>(new CommandDefinition(
            "SELECT until_ms, duration, set_by FROM job_notification_silences WHERE domain_id = @Domain AND job_id = @JobId AND until_ms > @At",
            new { Domain = domain, JobId = jobId, At = at.ToUnixTimeMilliseconds() }, cancellationToken: ct));
        return row is { } r ? new SilenceView(jobId, DateTimeOffset.FromUnixTimeMilliseconds(r.Until), r.Duration, r.By) : new SilenceView(jobId, null, null, null);
    }

    private async Task<NotificationView?> GetAsync(string domain, string jobId, string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM job_notifications WHERE id = @Id AND domain_id = @Domain AND job_id = @JobId",
            new { Id = id, Domain = domain, JobId = jobId }, cancellationToken: ct));
        return row?.ToView();
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static string Store(IReadOnlyList<NotificationEvent> events) => string.Join(',', events);

    private static ConflictException Duplicate(string email) => new($"Notification setting already exists for recipient {email}");

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string JobId { get; set; } = "";
        public string Recipient { get; set; } = "";
        public string Events { get; set; } = "";
        public string CreatedBy { get; set; } = "";
        public long CreatedMs { get; set; }
        public string UpdatedBy { get; set; } = "";
        public long UpdatedMs { get; set; }

        public NotificationView ToView() => new(Id, JobId, Recipient,
            Events.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<NotificationEvent>).ToList(),
            CreatedBy, DateTimeOffset.FromUnixTimeMilliseconds(CreatedMs), UpdatedBy, DateTimeOffset.FromUnixTimeMilliseconds(UpdatedMs));
    }
}
