using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Clusters.Jobs;

/// <summary>A job as created or replaced (IOMETE's job JSON); omitted fields take their defaults.</summary>
public sealed record SparkJobRequest
{
    /// <summary>Unique in the domain: 1-100 letters, digits, '-', '_' or '.'.</summary>
    [Required]
    public string? Name { get; init; }

    [StringLength(2000)]
    public string? Description { get; init; }

    /// <summary>The resource bundle that holds the job; omitted: the first resource bundle of the domain the caller owns.</summary>
    public string? BundleId { get; init; }

    /// <summary>One of the data-plane namespaces; default the first.</summary>
    public string? Namespace { get; init; }

    /// <summary>The user id or service account id runs execute as; default the creator. Others need the DomainManager role.</summary>
    public string? JobUser { get; init; }

    public JobType? JobType { get; init; }

    /// <summary>Cron text, required iff SCHEDULED.</summary>
    public string? Schedule { get; init; }

    public JobConcurrency? Concurrency { get; init; }

    public List<ResourceTag?>? ResourceTags { get; init; }

    public JobFlow? Flow { get; init; }

    /// <summary>HIGH only for domain owners and domain managers.</summary>
    public JobPriority? Priority { get; init; }

    [Required]
    public JobTemplate? Template { get; init; }

    /// <summary>On replace: the version read (optional); a stale one is a 409.</summary>
    public long? Version { get; init; }
}
