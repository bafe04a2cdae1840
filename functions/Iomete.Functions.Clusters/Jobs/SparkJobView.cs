namespace Iomete.Functions.Clusters.Jobs;

/// <summary>A job as the API shows it (the same field shapes as the request, so a read job can be sent back); env and Spark-conf values of credential-like keys are masked.</summary>
public sealed record SparkJobView(
    string Id,
    string Domain,
    string Name,
    string? Description,
    string BundleId,
    string Namespace,
    string JobUser,
    JobType JobType,
    string? Schedule,
    JobConcurrency Concurrency,
    IReadOnlyList<ResourceTag> ResourceTags,
    JobFlow Flow,
    JobPriority Priority,
    bool Suspended,
    JobTemplate Template,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string? UpdatedBy,
    DateTimeOffset UpdatedAt,
    long Version)
{
    public static SparkJobView From(SparkJob j) => new(
        j.Id, j.DomainId, j.Name, j.Description, j.BundleId, j.Namespace, j.JobUser, j.JobType,
        j.Schedule,
        j.Concurrency, j.ResourceTags, j.Flow, j.Priority, j.Suspended, SecretMasking.Masked(j.Template),
        j.CreatedBy, j.CreatedAt, j.UpdatedBy, j.UpdatedAt, j.Version);
}

