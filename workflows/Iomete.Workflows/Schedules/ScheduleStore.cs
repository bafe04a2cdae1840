using System.Data.Common;
using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Workflows.Runs;

namespace Iomete.Workflows.Schedules;

/// <summary>What a schedule list is narrowed to, besides the name search.</summary>
public sealed record ScheduleFilter(bool? Paused = null, ScheduleTargetKind? TargetKind = null);

/// <summary>One line of a schedule's event log (a skipped or missed fire, a replaced run, an error).</summary>
public sealed record ScheduleEvent(long Id, DateTimeOffset At, DateTimeOffset? FireTime, RunEventLevel Level, string Message);

/// <summary>Schedules in the orchestrator's database; every change is compare-and-swap on <c>version</c>.</summary>
public sealed class ScheduleStore(IMetadataDb db, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["name"] = "name",
        ["createdAt"] = "created_ms",
        ["updatedAt"] = "updated_ms",
    };

    public async Task<Schedule?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ScheduleRow>(new CommandDefinition(
            $"SELECT {ScheduleRow.Columns} FROM schedules WHERE id = @Id", new { Id = id }, cancellationToken: ct));
        return row?.ToSchedule();
    }

    /// <summary>Stores a new schedule (version 1); 409 when the name is taken in the domain.</summary>
    public async Task<Schedule> CreateAsync(Schedule schedule, CancellationToken ct)
    {
        schedule = schedule with { Version = 1 };
        await using var connection = await OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(ScheduleRow.Insert, ScheduleRow.From(schedule), cancellationToken: ct));
        }
        catch (DbException e) when (db.IsUniqueViolation(e))
        {
            throw new ConflictException($"A schedule named '{schedule.Name}' (or with id '{schedule.Id}') exists already.");
        }
        return schedule;
    }

    /// <summary>Replaces the schedule if it is still at <paramref name="expectedVersion"/>; 409 otherwise (or on a taken name).</summary>
    public async Task<Schedule> UpdateAsync(Schedule changed, long expectedVersion, CancellationToken ct)
    {
        changed = changed with { Version = expectedVersion + 1, UpdatedAt = clock.GetUtcNow() };
        await using var connection = await OpenAsync(ct);
        int updated;
        try
        {
            updated = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE schedules SET name = @Name, description = @Description, spec = @Spec, spec_kind = @SpecKind, target = @Target,
                       target_kind = @TargetKind, job_id = @JobId, bundle_id = @BundleId, paused = @Paused, catch_up = @CatchUp,
                       concurrency = @Concurrency, late_after_s = @LateAfterSeconds, tags = @Tags, managed_by = @ManagedBy,
                       updated_ms = @UpdatedMs, last_fire_ms = @LastFireMs, version = @Version
                WHERE id = @Id AND version = @Version - 1
                """, ScheduleRow.From(changed), cancellationToken: ct));
        }
        catch (DbException e) when (db.IsUniqueViolation(e))
        {
            throw new ConflictException($"A schedule named '{changed.Name}' exists already.");
        }
        if (updated != 1)
        {
            throw new ConflictException($"Schedule '{changed.Id}' was changed meanwhile (expected version {expectedVersion}); read it again.");
        }
        return changed;
    }

    /// <summary>Moves the fire cursor forward (never back); it is not a configuration change, so the version stays.</summary>
    public async Task AdvanceLastFireAsync(string id, DateTimeOffset fireTime, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE schedules SET last_fire_ms = @FireMs WHERE id = @Id AND (last_fire_ms IS NULL OR last_fire_ms < @FireMs)",
            new { Id = id, FireMs = fireTime.ToUnixTimeMilliseconds() }, cancellationToken: ct));
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM schedule_events WHERE schedule_id = @Id", new { Id = id }, cancellationToken: ct));
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM schedules WHERE id = @Id", new { Id = id }, cancellationToken: ct)) == 1;
    }

    public async Task<Page<Schedule>> ListAsync(string domainId, ScheduleFilter filter, ListQuery query, CancellationToken ct)
    {
        var where = "WHERE domain_id = @DomainId" +
                    (filter.Paused is null ? "" : " AND paused = @Paused") +
                    (filter.TargetKind is null ? "" : " AND target_kind = @TargetKind") +
                    (query.SearchPattern is null ? "" : " AND lower(name) LIKE @Pattern ESCAPE '\\'");
        var args = new
        {
            DomainId = domainId,
            filter.Paused,
            TargetKind = filter.TargetKind is { } k ? WorkflowRunRow.Upper(k) : null,
            Pattern = query.SearchPattern,
            query.Limit,
            query.Offset,
        };
        await using var connection = await OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM schedules {where}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<ScheduleRow>(new CommandDefinition(
            $"SELECT {ScheduleRow.Columns} FROM schedules {where} ORDER BY {query.OrderBy}, id LIMIT @Limit OFFSET @Offset", args, cancellationToken: ct));
        return new Page<Schedule>(rows.Select(r => r.ToSchedule()).ToList(), total, query.Offset, query.Limit);
    }

    /// <summary>Every schedule that should be firing (not paused), of all domains.</summary>
    public async Task<IReadOnlyList<Schedule>> ListActiveAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var rows = await connection.QueryAsync<ScheduleRow>(new CommandDefinition(
            $"SELECT {ScheduleRow.Columns} FROM schedules WHERE paused = @Paused ORDER BY created_ms", new { Paused = false }, cancellationToken: ct));
        return rows.Select(r => r.ToSchedule()).ToList();
    }

    public async Task RecordAsync(string scheduleId, DateTimeOffset? fireTime, RunEventLevel level, string message, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO schedule_events (schedule_id, at_ms, fire_ms, level, message) VALUES (@ScheduleId, @AtMs, @FireMs, @Level, @Message)",
            new
            {
                ScheduleId = scheduleId,
                AtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
                FireMs = fireTime?.ToUnixTimeMilliseconds(),
                Level = WorkflowRunRow.Upper(level),
                Message = message,
            }, cancellationToken: ct));
    }

    /// <summary>The newest <paramref name="limit"/> events, newest first.</summary>
    public async Task<IReadOnlyList<ScheduleEvent>> EventsAsync(string scheduleId, int limit, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            "SELECT id AS Id, at_ms AS AtMs, fire_ms AS FireMs, level AS Level, message AS Message FROM schedule_events WHERE schedule_id = @ScheduleId ORDER BY id DESC LIMIT @Limit",
            new { ScheduleId = scheduleId, Limit = limit }, cancellationToken: ct));
        return rows.Select(r => new ScheduleEvent(r.Id, DateTimeOffset.FromUnixTimeMilliseconds(r.AtMs),
            r.FireMs is { } f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : null, WorkflowRunRow.ParseUpper<RunEventLevel>(r.Level), r.Message)).ToList();
    }

    private sealed record EventRow(long Id, long AtMs, long? FireMs, string Level, string Message);

    private Task<DbConnection> OpenAsync(CancellationToken ct) => db.OpenAsync(WorkflowsRegistration.Service, ct);
}
