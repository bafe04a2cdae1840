using System.Text.Json;
using Iomete.Platform.Http;

namespace Iomete.Functions.Clusters.Jobs;

/// <summary>A row of <c>spark_jobs</c>: enums as SNAKE_UPPER text, instants in epoch milliseconds, tags and template as JSON.</summary>
internal sealed class SparkJobRow
{
    public string Id { get; set; } = "";
    public string DomainId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string BundleId { get; set; } = "";
    public string Namespace { get; set; } = "";
    public string JobUser { get; set; } = "";
    public string JobType { get; set; } = "";
    public string? Schedule { get; set; }
    public string Concurrency { get; set; } = "";
    public string Flow { get; set; } = "";
    public string Priority { get; set; } = "";
    public string ResourceTags { get; set; } = "[]";
    public string Template { get; set; } = "{}";
    public bool Suspended { get; set; }
    public string CreatedBy { get; set; } = "";
    public long CreatedMs { get; set; }
    public string? UpdatedBy { get; set; }
    public long UpdatedMs { get; set; }
    public long Version { get; set; }

    public const string Columns =
        "id AS Id, domain_id AS DomainId, name AS Name, description AS Description, bundle_id AS BundleId, namespace AS Namespace, " +
        "job_user AS JobUser, job_type AS JobType, schedule AS Schedule, concurrency AS Concurrency, flow AS Flow, priority AS Priority, " +
        "resource_tags AS ResourceTags, template AS Template, suspended AS Suspended, created_by AS CreatedBy, created_ms AS CreatedMs, " +
        "updated_by AS UpdatedBy, updated_ms AS UpdatedMs, version AS Version";

    public static string Stored<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseUpper.ConvertName(value.ToString());

    public static T Parse<T>(string value) where T : struct, Enum => Enum.Parse<T>(value.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);

    public static SparkJobRow From(SparkJob j) => new()
    {
        Id = j.Id,
        DomainId = j.DomainId,
        Name = j.Name,
        Description = j.Description,
        BundleId = j.BundleId,
        Namespace = j.Namespace,
        JobUser = j.JobUser,
        JobType = Stored(j.JobType),
        Schedule = j.Schedule,
        Concurrency = Stored(j.Concurrency),
        Flow = Stored(j.Flow),
        Priority = Stored(j.Priority),
        ResourceTags = JsonSerializer.Serialize(j.ResourceTags, Json.Options),
        Template = JsonSerializer.Serialize(j.Template, Json.Options),
        Suspended = j.Suspended,
        CreatedBy = j.CreatedBy,
        CreatedMs = j.CreatedAt.ToUnixTimeMilliseconds(),
        UpdatedBy = j.UpdatedBy,
        UpdatedMs = j.UpdatedAt.ToUnixTimeMilliseconds(),
        Version = j.Version,
    };

    public SparkJob ToJob() => new()
    {
        Id = Id,
        DomainId = DomainId,
        Name = Name,
        Description = Description,
        BundleId = BundleId,
        Namespace = Namespace,
        JobUser = JobUser,
        JobType = Parse<JobType>(JobType),
        Schedule = Schedule,
        Concurrency = Parse<JobConcurrency>(Concurrency),
        Flow = Parse<JobFlow>(Flow),
        Priority = Parse<JobPriority>(Priority),
        ResourceTags = JsonSerializer.Deserialize<List<ResourceTag>>(ResourceTags, Json.Options) ?? [],
        Template = JsonSerializer.Deserialize<JobTemplate>(Template, Json.Options) ?? new JobTemplate(),
        Suspended = Suspended,
        CreatedBy = CreatedBy,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedMs),
        UpdatedBy = UpdatedBy,
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(UpdatedMs),
        Version = Version,
    };
}
