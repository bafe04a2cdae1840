using Iomete.Functions.Clusters.Jobs;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.Runs;

/// <summary>What one run changes of its job's template (IOMETE's SparkConfigOverride); maps merge, lists replace.</summary>
public sealed record RunOverrides
{
    /// <summary>Replaces the job's arguments.</summary>
    public List<string>? Arguments { get; init; }

    /// <summary>Added to (or replacing) the job's environment variables.</summary>
    public Dictionary<string, string>? EnvVars { get; init; }

    /// <summary>Replaces the job's Java options.</summary>
    public string? JavaOptions { get; init; }

    /// <summary>Added to (or replacing) the job's Spark configuration.</summary>
    public Dictionary<string, string>? SparkConf { get; init; }

    /// <summary>Added to (or replacing, by key) the job's resource tags.</summary>
    public List<ResourceTag?>? ResourceTags { get; init; }

    public bool TouchesSpark => Arguments is not null || EnvVars is not null || JavaOptions is not null || SparkConf is not null;

    /// <summary>The job's template with these overrides; 400 for overrides a SQL job cannot take or bad names.</summary>
    public JobTemplate Apply(JobTemplate template)
    {
        if (template.ApplicationType == JobTemplate.Sql)
        {
            return TouchesSpark
                ? throw ValidationException.ForField("arguments", "a SQL job takes only resourceTags as overrides.")
                : template;
        }
        var envVars = new Dictionary<string, string>(template.EnvVars ?? [], StringComparer.Ordinal);
        foreach (var (key, value) in EnvVars ?? [])
        {
            KubernetesNames.RequireEnvName("envVars", key);
            if (template.EnvSecrets?.Any(s => s.Key == key) == true)
            {
                throw ValidationException.ForField("envVars", $"'{key}' comes from a secret and cannot be overridden.");
            }
            envVars[key] = value ?? "";
        }
        var sparkConf = new Dictionary<string, string>(template.SparkConf ?? [], StringComparer.Ordinal);
        foreach (var (key, value) in SparkConf ?? [])
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                throw ValidationException.ForField("sparkConf", "keys must not be blank.");
            }
            sparkConf[key] = value ?? "";
        }
        return template with
        {
            Arguments = Arguments ?? template.Arguments,
            EnvVars = envVars,
            JavaOptions = JavaOptions ?? template.JavaOptions,
            SparkConf = sparkConf,
        };
    }

    public IReadOnlyList<ResourceTag> Tags(IReadOnlyList<ResourceTag> jobTags)
    {
        var tags = jobTags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        foreach (var tag in ResourceTags ?? [])
        {
            if (tag is null || string.IsNullOrWhiteSpace(tag.Key))
            {
                throw ValidationException.ForField("resourceTags", "every tag needs a key.");
            }
            tags[tag.Key] = tag.Value ?? "";
        }
        return tags.Select(p => new ResourceTag(p.Key, p.Value)).ToList();
    }
}
