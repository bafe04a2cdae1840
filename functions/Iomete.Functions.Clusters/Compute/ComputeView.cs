using Iomete.Functions.Clusters.Actors;
using Iomete.Functions.Clusters.Common;

namespace Iomete.Functions.Clusters.Compute;

/// <summary>The driver column: the operator's state of the driver and its node type.</summary>
public sealed record DriverView(string? Status, string? NodeType);

/// <summary>The executor column: running executors (null when not known) out of the maximum.</summary>
public sealed record ExecutorsView(int? Running, int Max, string? NodeType);

/// <summary>The embedded engine's settings (the <c>local</c> cluster only).</summary>
public sealed record LocalSettingsView(int? Threads, string? MemoryLimit);

/// <summary>A compute cluster as the API shows it; <c>kind</c> LOCAL is the embedded engine, SPARK a Spark cluster.</summary>
public sealed record ComputeClusterView
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public required string Domain { get; init; }
    public string? Description { get; init; }
    public string? ResourceBundleId { get; init; }
    public string? Namespace { get; init; }
    public required string Status { get; init; }
    public required IReadOnlyList<string> AllowedActions { get; init; }
    public required DriverView Driver { get; init; }
    public ExecutorsView? Executors { get; init; }
    public string? ErrorMessage { get; init; }
    public bool RestartRequired { get; init; }
    public string? DeploymentType { get; init; }
    public string? DriverType { get; init; }
    public string? ExecutorType { get; init; }
    public int? MinExecutors { get; init; }
    public int? MaxExecutors { get; init; }
    public bool? UseSpotInstances { get; init; }
    public int? AutoSuspendSeconds { get; init; }
    public IReadOnlyDictionary<string, string>? SparkConf { get; init; }
    public IReadOnlyDictionary<string, string>? EnvVars { get; init; }
    public IReadOnlyList<SecretReference>? EnvSecrets { get; init; }
    public IReadOnlyList<SecretReference>? SparkConfSecrets { get; init; }
    public IReadOnlyList<string>? Arguments { get; init; }
    public string? JavaOptions { get; init; }
    public ComputeDeps? Deps { get; init; }
    public string? Image { get; init; }
    public string? VolumeId { get; init; }
    public IReadOnlyList<ResourceTag>? ResourceTags { get; init; }
    public LocalSettingsView? Settings { get; init; }
    public string? CreatedBy { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public long? Version { get; init; }

    public static ComputeClusterView From(ComputeCluster c)
    {
        var s = c.Spec;
        var single = s.DeploymentType == Compute.DeploymentType.SingleNode;
        return new ComputeClusterView
        {
            Id = c.Id,
            Name = c.Name,
            Kind = "SPARK",
            Domain = c.DomainId,
            Description = c.Description,
            ResourceBundleId = c.ResourceBundleId,
            Namespace = c.Namespace,
            Status = ComputeClusterRow.Stored(c.Status),
            AllowedActions = ComputeActions.Allowed(c.Status),
            Driver = new DriverView(c.DriverState, s.DriverType),
            Executors = single ? null : new ExecutorsView(c.Status is ComputeStatus.Stopped or ComputeStatus.Failed ? 0 : null, s.MaxExecutors, s.ExecutorType),
            ErrorMessage = c.ErrorMessage,
            RestartRequired = c.RestartRequired,
            DeploymentType = single ? "SINGLE_NODE" : "MULTI_NODE",
            DriverType = s.DriverType,
            ExecutorType = s.ExecutorType,
            MinExecutors = s.MinExecutors,
            MaxExecutors = s.MaxExecutors,
            UseSpotInstances = s.UseSpotInstances,
            AutoSuspendSeconds = s.AutoSuspendSeconds,
            SparkConf = s.SparkConf,
            EnvVars = s.EnvVars,
            EnvSecrets = s.EnvSecrets,
            SparkConfSecrets = s.SparkConfSecrets,
            Arguments = s.Arguments,
            JavaOptions = s.JavaOptions,
            Deps = s.Deps,
            Image = s.Image,
            VolumeId = s.VolumeId,
            ResourceTags = s.ResourceTags,
            CreatedBy = c.CreatedBy,
            CreatedAt = c.CreatedAt,
            UpdatedAt = c.UpdatedAt,
            Version = c.Version,
        };
    }

    public static ComputeClusterView Local(string domain, LocalSettingsView? settings, DateTimeOffset? updatedAt) => new()
    {
        Id = ComputeRules.Local,
        Name = ComputeRules.Local,
        Kind = "LOCAL",
        Domain = domain,
        Description = "The embedded SQL engine (DuckDB) of the platform",
        Status = "ACTIVE",
        AllowedActions = [ComputeActions.Configure],
        Driver = new DriverView("RUNNING", "duckdb"),
        Settings = settings,
        UpdatedAt = updatedAt,
    };
}
