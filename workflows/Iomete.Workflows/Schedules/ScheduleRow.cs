using System.Text.Json;
using Iomete.Platform.Http;
using Iomete.Workflows.Runs;

namespace Iomete.Workflows.Schedules;

/// <summary>A schedule as stored: spec and target as JSON text, enums SNAKE_UPPER, instants in epoch milliseconds.</summary>
internal sealed class ScheduleRow
{
    public const string Columns =
        "id AS Id, domain_id AS DomainId, name AS Name, description AS Description, spec AS Spec, spec_kind AS SpecKind, target AS Target, " +
        "target_kind AS TargetKind, job_id AS JobId, bundle_id AS BundleId, paused AS Paused, catch_up AS CatchUp, concurrency AS Concurrency, " +
        "late_after_s AS LateAfterSeconds, tags AS Tags, managed_by AS ManagedBy, created_by AS CreatedBy, created_ms AS CreatedMs, " +
        "updated_ms AS UpdatedMs, last_fire_ms AS LastFireMs, version AS Version";

    public const string Insert =
        "INSERT INTO schedules (id, domain_id, name, description, spec, spec_kind, target, target_kind, job_id, bundle_id, paused, catch_up, " +
        "concurrency, late_after_s, tags, managed_by, created_by, created_ms, updated_ms, last_fire_ms, version) VALUES (@Id, @DomainId, @Name, " +
        "@Description, @Spec, @SpecKind, @Target, @TargetKind, @JobId, @BundleId, @Paused, @CatchUp, @Concurrency, @LateAfterSeconds, @Tags, " +
        "@ManagedBy, @CreatedBy, @CreatedMs, @UpdatedMs, @LastFireMs, @Version)";

    public string Id { get; set; } = "";
    public string DomainId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string Spec { get; set; } = "{}";
    public string SpecKind { get; set; } = "";
    public string Target { get; set; } = "{}";
    public string TargetKind { get; set; } = "";
    public string? JobId { get; set; }
    public string BundleId { get; set; } = "";
    public bool Paused { get; set; }
    public string CatchUp { get; set; } = "";
    public string Concurrency { get; set; } = "";
    public int LateAfterSeconds { get; set; }
    public string Tags { get; set; } = "[]";
    public string? ManagedBy { get; set; }
    public string CreatedBy { get; set; } = "";
    public long CreatedMs { get; set; }
    public long UpdatedMs { get; set; }
    public long? LastFireMs { get; set; }
    public long Version { get; set; }

    public static ScheduleRow From(Schedule s) => new()
    {
        Id = s.Id,
        DomainId = s.DomainId,
        Name = s.Name,
        Description = s.Description,
        Spec = JsonSerializer.Serialize(s.Spec, Json.Options),
        SpecKind = s.Spec.Cron is not null ? "CRON" : s.Spec.IntervalSeconds is not null ? "INTERVAL" : "RRULE",
        Target = JsonSerializer.Serialize(s.Target, Json.Options),
        TargetKind = WorkflowRunRow.Upper(s.Target.Kind),
        JobId = s.Target.JobId,
        BundleId = s.ResourceBundleId,
        Paused = s.Paused,
        CatchUp = WorkflowRunRow.Upper(s.CatchUp),
        Concurrency = WorkflowRunRow.Upper(s.Concurrency),
        LateAfterSeconds = s.LateAfterSeconds,
        Tags = JsonSerializer.Serialize(s.Tags, Json.Options),
        ManagedBy = s.ManagedBy,
        CreatedBy = s.CreatedBy,
        CreatedMs = s.CreatedAt.ToUnixTimeMilliseconds(),
        UpdatedMs = s.UpdatedAt.ToUnixTimeMilliseconds(),
        LastFireMs = s.LastFireAt?.ToUnixTimeMilliseconds(),
        Version = s.Version,
    };

    public Schedule ToSchedule() => new()
    {
        Id = Id,
        DomainId = DomainId,
        Name = Name,
        Description = Description,
        Spec = JsonSerializer.Deserialize<ScheduleSpec>(Spec, Json.Options)!,
        Target = JsonSerializer.Deserialize<ScheduleTarget>(Target, Json.Options)!,
        ResourceBundleId = BundleId,
        Paused = Paused,
        CatchUp = WorkflowRunRow.ParseUpper<CatchUpPolicy>(CatchUp),
        Concurrency = WorkflowRunRow.ParseUpper<ConcurrencyPolicy>(Concurrency),
        LateAfterSeconds = LateAfterSeconds,
        Tags = JsonSerializer.Deserialize<List<ScheduleTag>>(Tags, Json.Options) ?? [],
        ManagedBy = ManagedBy,
        CreatedBy = CreatedBy,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedMs),
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(UpdatedMs),
        LastFireAt = LastFireMs is { } f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : null,
        Version = Version,
    };
}
