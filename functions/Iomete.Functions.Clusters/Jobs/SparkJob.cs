using Iomete.Functions.Clusters.Common;

namespace Iomete.Functions.Clusters.Jobs;

/// <summary>A Spark job (IOMETE's "job template") as stored: what to run, where, as whom, and how runs may overlap.</summary>
public sealed record SparkJob
{
    public required string Id { get; init; }
    public required string DomainId { get; init; }
    /// <summary>Unique within the domain.</summary>
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required string BundleId { get; init; }
    public required string Namespace { get; init; }
    /// <summary>The user or service account runs execute as.</summary>
    public required string JobUser { get; init; }
    public required JobType JobType { get; init; }
    /// <summary>Cron text; set iff <see cref="JobType"/> is SCHEDULED (kept here, run by the scheduler).</summary>
    public string? Schedule { get; init; }
    public JobConcurrency Concurrency { get; init; } = JobConcurrency.Forbid;
    public IReadOnlyList<ResourceTag> ResourceTags { get; init; } = [];
    public JobFlow Flow { get; init; } = JobFlow.Legacy;
    public JobPriority Priority { get; init; } = JobPriority.Normal;
    /// <summary>The normalized template (every default filled in).</summary>
    public required JobTemplate Template { get; init; }
    /// <summary>A suspended job's schedule does not fire; manual runs still may.</summary>
    public bool Suspended { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? UpdatedBy { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }

    public bool IsSql => Template.ApplicationType == JobTemplate.Sql;
}

public sealed record ResourceTag(string Key, string Value);

public enum JobType
{
    Manual,
    Scheduled,
    Streaming,
}

/// <summary>What a new run does when one is still active: run beside it, replace (abort) it, or be refused.</summary>
public enum JobConcurrency
{
    Allow,
    Replace,
    Forbid,
}

public enum JobFlow
{
    Legacy,
    Priority,
}

public enum JobPriority
{
    Normal,
    High,
}
