using System.Text.RegularExpressions;
using Iomete.Functions.Clusters.Common;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Functions.Clusters.Namespaces;
using Iomete.Functions.Clusters.NodeTypes;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Jobs;

/// <summary>Turns a job request into a stored job's fields: defaults filled in, every field checked (one 400 names all bad fields).</summary>
public sealed partial class JobRules(
    IOptions<ClustersOptions> clusters, IOptions<SparkJobsOptions> jobs, NodeTypeCatalog nodeTypes, NamespaceAccess namespaces, WorkloadChecks checks)
{
    public const long DefaultMaxExecutionDurationSeconds = 86_400;
    public const string DefaultDriverType = "driver-small";
    public const string DefaultExecutorType = "exec-small";
    public const string LocalCompute = "local";
    public const int MaxExecutors = 1000;

    /// <summary>The job's settings from <paramref name="request"/>; <paramref name="stored"/> (on replace) keeps masked secrets.</summary>
    public async Task<NormalizedJob> NormalizeAsync(SparkJobRequest request, JobType? forcedType, SparkJob? stored, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = request.Name?.Trim() ?? "";
        if (!JobName().IsMatch(name))
            errors.Add("name", "must be 1-100 letters, digits, '-', '_' or '.', starting with a letter or digit.");
        // A known namespace is part of the body's validity; the USE of a mapped one is checked in AuthorizeAsync.
        var ns = request.Namespace?.Trim() ?? "";
        if (ns.Length > 0)
            errors.Check("namespace", () => namespaces.RequireKnown(ns));
        var type = forcedType ?? request.JobType ?? JobType.Manual;
        if (forcedType is { } forced && request.JobType is { } asked && asked != forced)
            errors.Add("jobType", $"must be {forced.ToString().ToUpperInvariant()} on this route.");
        var schedule = string.IsNullOrWhiteSpace(request.Schedule) ? null : request.Schedule.Trim();
        if (type == JobType.Scheduled && schedule is null)
            errors.Add("schedule", "is required for a SCHEDULED job (cron text).");
        else if (type != JobType.Scheduled && schedule is not null)
            errors.Add("schedule", "is only for SCHEDULED jobs.");
        else if (schedule is not null && !IsCron(schedule))
            errors.Add("schedule", $"'{schedule}' is not a cron expression (5 or 6 fields, or @hourly/@daily/@weekly/@monthly/@yearly).");
        var concurrency = request.Concurrency ?? JobConcurrency.Forbid;
        if (type == JobType.Streaming && concurrency != JobConcurrency.Forbid)
            errors.Add("concurrency", "a streaming job has one active run at a time (FORBID).");
        var tags = Tags(request.ResourceTags, errors);
        var template = request.Template is null ? null : await TemplateAsync(request.Template, type, stored?.Template, errors, ct);
        if (request.Template is null)
            errors.Add("template", "is required.");
        errors.ThrowIfAny();
        return new NormalizedJob(name, request.Description?.Trim(), ns, type, schedule, concurrency, tags,
            request.Flow ?? JobFlow.Legacy, request.Priority ?? JobPriority.Normal, template!);
    }

    /// <summary>
    /// The authorize step of a write: the namespace the caller may use (default when none is named), and the secrets and
    /// image aliases the template names must exist. The image stays as written; runs resolve it when they start.
    /// </summary>
    public async Task<NormalizedJob> AuthorizeAsync(Caller caller, string domain, NormalizedJob job, CancellationToken ct)
    {
        var t = job.Template;
        var ns = await checks.RequireAsync(caller, domain, job.Namespace, ("template.image", t.Image),
            [("template.envSecrets", t.EnvSecrets ?? []), ("template.sparkConfSecrets", t.SparkConfSecrets ?? [])], ct);
        return job with { Namespace = ns };
    }

    private async Task<JobTemplate> TemplateAsync(JobTemplate t, JobType type, JobTemplate? stored, FieldErrors errors, CancellationToken ct)
    {
        var appType = t.ApplicationType?.Trim().ToLowerInvariant();
        if (appType is not (JobTemplate.Python or JobTemplate.Jvm or JobTemplate.Sql))
        {
            errors.Add("template.applicationType", "must be python, jvm or sql.");
            return t;
        }
        var duration = Duration(t.MaxExecutionDurationSeconds, type, errors);
        if (appType == JobTemplate.Sql)
            return Sql(t, type, duration, errors);

        if (string.IsNullOrWhiteSpace(t.MainApplicationFile))
            errors.Add("template.mainApplicationFile", "is required for python and jvm jobs (local:///…, s3a://… or spark-internal).");
        if (appType == JobTemplate.Jvm && string.IsNullOrWhiteSpace(t.MainClass))
            errors.Add("template.mainClass", "is required for jvm jobs.");
        if (t.SqlScript is not null)
            errors.Add("template.sqlScript", "is only for sql jobs.");
        if (t.ConfigMaps is { Count: > 0 })
            errors.Add("template.configMaps", "config map files cannot be mounted into job pods by this platform yet; put the content in deps.files or the image.");
        if (!string.IsNullOrWhiteSpace(t.VolumeId))
            errors.Add("template.volumeId", "executor volumes are not offered for jobs by this platform yet.");
        var envVars = SecretMasking.Unmask(Clean(t.EnvVars), stored?.EnvVars) ?? [];
        var sparkConf = SecretMasking.Unmask(Clean(t.SparkConf), stored?.SparkConf) ?? [];
        foreach (var key in envVars.Keys)
            errors.Check("template.envVars", () => KubernetesNames.RequireEnvName("template.envVars", key));
        Secrets(t.EnvSecrets, "template.envSecrets", errors, envName: true);
        Secrets(t.SparkConfSecrets, "template.sparkConfSecrets", errors, envName: false);
        if (t.EnvSecrets?.Select(s => s?.Key).Concat(envVars.Keys).GroupBy(k => k).FirstOrDefault(g => g.Count() > 1) is { } dup)
            errors.Add("template.envSecrets", $"'{dup.Key}' is set more than once.");
        var instance = await InstanceAsync(t.InstanceConfig, errors, ct);
        var restart = Restart(t.RestartPolicy, errors);
        return new JobTemplate
        {
            ApplicationType = appType,
            Image = string.IsNullOrWhiteSpace(t.Image) ? clusters.Value.DefaultSparkImage : t.Image.Trim(),
            ImagePullSecrets = Clean(t.ImagePullSecrets) ?? [],
            MainApplicationFile = t.MainApplicationFile?.Trim(),
            MainClass = string.IsNullOrWhiteSpace(t.MainClass) ? null : t.MainClass.Trim(),
            EnvVars = envVars,
            EnvSecrets = t.EnvSecrets ?? [],
            SparkConf = sparkConf,
            SparkConfSecrets = t.SparkConfSecrets ?? [],
            Arguments = t.Arguments ?? [],
            JavaOptions = string.IsNullOrWhiteSpace(t.JavaOptions) ? null : t.JavaOptions.Trim(),
            ConfigMaps = [],
            Deps = Deps(t.Deps),
            InstanceConfig = instance,
            RestartPolicy = restart,
            MaxExecutionDurationSeconds = duration,
        };
    }

    private static JobTemplate Sql(JobTemplate t, JobType type, long? duration, FieldErrors errors)
    {
        if (type == JobType.Streaming)
            errors.Add("template.applicationType", "a streaming job runs Spark (python or jvm), not sql.");
        if (string.IsNullOrWhiteSpace(t.SqlScript) || SqlScript.Split(t.SqlScript).Count == 0)
            errors.Add("template.sqlScript", "is required for sql jobs: one or more statements separated by ';'.");
        var compute = string.IsNullOrWhiteSpace(t.ComputeCluster) ? LocalCompute : t.ComputeCluster.Trim();
        if (compute != LocalCompute)
            errors.Add("template.computeCluster", $"SQL jobs run on the compute '{LocalCompute}' (the embedded engine).");
        return new JobTemplate
        {
            ApplicationType = JobTemplate.Sql,
            SqlScript = t.SqlScript,
            ComputeCluster = compute,
            Catalog = string.IsNullOrWhiteSpace(t.Catalog) ? null : t.Catalog.Trim(),
            Database = string.IsNullOrWhiteSpace(t.Database) ? null : t.Database.Trim(),
            MaxExecutionDurationSeconds = duration,
        };
    }

    private long? Duration(long? asked, JobType type, FieldErrors errors)
    {
        if (type == JobType.Streaming)
        {
            if (asked is not null)
                errors.Add("template.maxExecutionDurationSeconds", "a streaming job runs until it is stopped.");
            return null;
        }
        var options = jobs.Value;
        var value = asked ?? Math.Min(DefaultMaxExecutionDurationSeconds, options.MaxExecutionDurationSecondsLimit);
        if (value < options.MinExecutionDurationSeconds || value > options.MaxExecutionDurationSecondsLimit)
            errors.Add("template.maxExecutionDurationSeconds", $"must be from {options.MinExecutionDurationSeconds} to {options.MaxExecutionDurationSecondsLimit} seconds.");
        return value;
    }

    private async Task<InstanceConfig> InstanceAsync(InstanceConfig? asked, FieldErrors errors, CancellationToken ct)
    {
        var single = asked?.SingleNodeDeployment ?? false;
        var driver = string.IsNullOrWhiteSpace(asked?.DriverType) ? DefaultDriverType : asked.DriverType.Trim();
        var executor = string.IsNullOrWhiteSpace(asked?.ExecutorType) ? DefaultExecutorType : asked.ExecutorType.Trim();
        var count = asked?.ExecutorCount ?? 1;
        await errors.CheckAsync("template.instanceConfig.driverType",
            () => nodeTypes.GetAsync("template.instanceConfig.driverType", driver, SparkRole.Driver, ct));
        if (!single)
        {
            if (count is < 1 or > MaxExecutors)
                errors.Add("template.instanceConfig.executorCount", $"must be from 1 to {MaxExecutors} for a multi-node deployment.");
            await errors.CheckAsync("template.instanceConfig.executorType",
                () => nodeTypes.GetAsync("template.instanceConfig.executorType", executor, SparkRole.Executor, ct));
        }
        return new InstanceConfig { SingleNodeDeployment = single, DriverType = driver, ExecutorType = single ? null : executor, ExecutorCount = single ? 0 : count };
    }

    private static JobRestartPolicy Restart(JobRestartPolicy? asked, FieldErrors errors)
    {
        var type = asked?.Type?.Trim() ?? "Never";
        var known = new[] { "Never", "Always", "OnFailure" }.FirstOrDefault(k => string.Equals(k, type, StringComparison.OrdinalIgnoreCase));
        if (known is null)
            errors.Add("template.restartPolicy.type", "must be Never, Always or OnFailure.");
        var policy = new JobRestartPolicy
        {
            Type = known ?? type,
            OnSubmissionFailureRetries = asked?.OnSubmissionFailureRetries ?? 1,
            OnSubmissionFailureRetryInterval = asked?.OnSubmissionFailureRetryInterval ?? 5,
            OnFailureRetries = asked?.OnFailureRetries ?? 1,
            OnFailureRetryInterval = asked?.OnFailureRetryInterval ?? 5,
        };
        if (policy.OnFailureRetries < 0 || policy.OnSubmissionFailureRetries < 0)
            errors.Add("template.restartPolicy", "retries must not be negative.");
        if (policy.OnFailureRetryInterval < 1 || policy.OnSubmissionFailureRetryInterval < 1)
            errors.Add("template.restartPolicy", "retry intervals must be at least 1 second.");
        return policy;
    }

    private static void Secrets(List<SecretReference>? secrets, string field, FieldErrors errors, bool envName)
    {
        foreach (var secret in secrets ?? [])
        {
            if (secret is null || string.IsNullOrWhiteSpace(secret.Key))
            {
                errors.Add(field, "every item needs a key.");
                continue;
            }
            if (secret.SecretObject is not { Key.Length: > 0, Source: not null } obj)
            {
                errors.Add(field, $"'{secret.Key}' needs a secretObject {{key, source {{type, id}}}}.");
                continue;
            }
            if (envName)
                errors.Check(field, () => KubernetesNames.RequireEnvName(field, secret.Key));
            errors.Check(field, () => SecretObjects.ToEnvVar(secret.Key, obj));
        }
    }

    private static IReadOnlyList<ResourceTag> Tags(List<ResourceTag?>? tags, FieldErrors errors)
    {
        var result = new List<ResourceTag>();
        foreach (var tag in tags ?? [])
        {
            if (tag is null || string.IsNullOrWhiteSpace(tag.Key) || tag.Key.Length > 63 || (tag.Value?.Length ?? 0) > 255)
            {
                errors.Add("resourceTags", "every tag needs a key (1-63 characters) and a value of at most 255 characters.");
                continue;
            }
            if (result.Any(r => r.Key == tag.Key))
                errors.Add("resourceTags", $"'{tag.Key}' appears more than once.");
            result.Add(new ResourceTag(tag.Key, tag.Value ?? ""));
        }
        return result;
    }

    private static JobDeps Deps(JobDeps? d) => new()
    {
        Jars = Clean(d?.Jars) ?? [],
        Files = Clean(d?.Files) ?? [],
        PyFiles = Clean(d?.PyFiles) ?? [],
        Packages = Clean(d?.Packages) ?? [],
        ExcludePackages = Clean(d?.ExcludePackages) ?? [],
        Repositories = Clean(d?.Repositories) ?? [],
    };

    private static List<string>? Clean(List<string>? values) =>
        values?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();

    private static Dictionary<string, string>? Clean(Dictionary<string, string>? values) =>
        values?.Where(p => !string.IsNullOrWhiteSpace(p.Key)).ToDictionary(p => p.Key.Trim(), p => p.Value ?? "", StringComparer.Ordinal);

    internal static bool IsCron(string text) =>
        text is "@hourly" or "@daily" or "@midnight" or "@weekly" or "@monthly" or "@yearly" or "@annually"
        || (text.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: 5 or 6 } fields && fields.All(f => CronField().IsMatch(f)));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex JobName();

    [GeneratedRegex(@"^[0-9A-Za-z*?/,\-#LW]+$")]
    private static partial Regex CronField();
}

/// <summary>A request's settings after <see cref="JobRules"/>.</summary>
public sealed record NormalizedJob(
    string Name, string? Description, string Namespace, JobType JobType, string? Schedule, JobConcurrency Concurrency,
    IReadOnlyList<ResourceTag> ResourceTags, JobFlow Flow, JobPriority Priority, JobTemplate Template);
