using Iomete.Functions.Clusters.Common;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Functions.Clusters.NodeTypes;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Compute;

/// <summary>Turns a validated request into a <see cref="ComputeSpec"/>, checking node types against the catalog.</summary>
public sealed class ComputeDefinitions(
    NodeTypeCatalog nodeTypes, WorkloadChecks checks, IOptions<ClustersOptions> clusters, IOptions<ComputeOptions> options)
{
    /// <summary>Validates the body, then authorizes what it names (namespace USE, secrets, image aliases).</summary>
    public async Task<(string Namespace, ComputeSpec Spec)> ReadAsync(Caller caller, string domain, ComputeRequest body, CancellationToken ct)
    {
        var deployment = ComputeRules.Deployment(body.DeploymentType);
        var (min, max) = ComputeRules.Executors(deployment, body.MinExecutors, body.MaxExecutors);
        var spec = new ComputeSpec
        {
            DeploymentType = deployment,
            DriverType = body.DriverType ?? "",
            ExecutorType = deployment == DeploymentType.SingleNode ? null : body.ExecutorType,
            MinExecutors = min,
            MaxExecutors = max,
            UseSpotInstances = body.UseSpotInstances ?? false,
            AutoSuspendSeconds = ComputeRules.AutoSuspend(body.AutoSuspendGiven, body.AutoSuspendSeconds, options.Value),
            SparkConf = ComputeRules.Map("sparkConf", body.SparkConf, envNames: false),
            EnvVars = ComputeRules.Map("envVars", body.EnvVars, envNames: true),
            EnvSecrets = ComputeRules.Secrets("envSecrets", body.EnvSecrets, envNames: true),
            SparkConfSecrets = ComputeRules.Secrets("sparkConfSecrets", body.SparkConfSecrets, envNames: false),
            Arguments = ComputeRules.List(body.Arguments, "arguments"),
            JavaOptions = string.IsNullOrWhiteSpace(body.JavaOptions) ? null : body.JavaOptions.Trim(),
            Deps = new ComputeDeps
            {
                Jars = ComputeRules.List(body.Deps?.Jars, "deps.jars"),
                Files = ComputeRules.List(body.Deps?.Files, "deps.files"),
                PyFiles = ComputeRules.List(body.Deps?.PyFiles, "deps.pyFiles"),
                Packages = ComputeRules.List(body.Deps?.Packages, "deps.packages"),
            },
            Image = string.IsNullOrWhiteSpace(body.Image) ? clusters.Value.DefaultSparkImage : body.Image.Trim(),
            VolumeId = string.IsNullOrWhiteSpace(body.VolumeId) ? null : body.VolumeId,
            ResourceTags = ComputeRules.Tags(body.ResourceTags),
        };
        await NodeTypesAsync(spec, ct);
        var ns = await checks.RequireAsync(caller, domain, body.Namespace, ("image", spec.Image),
            [("envSecrets", spec.EnvSecrets), ("sparkConfSecrets", spec.SparkConfSecrets)], ct);
        return (ns, spec);
    }

    /// <summary>The driver's and executors' node types (400 when unknown or unfit for the role).</summary>
    public async Task<(NodeType Driver, NodeType? Executor)> NodeTypesAsync(ComputeSpec spec, CancellationToken ct)
    {
        var driver = await nodeTypes.GetAsync("driverType", spec.DriverType, SparkRole.Driver, ct);
        if (spec.DeploymentType == DeploymentType.SingleNode)
        {
            return (driver, null);
        }
        if (string.IsNullOrWhiteSpace(spec.ExecutorType))
        {
            throw ValidationException.ForField("executorType", "is required for a MULTI_NODE cluster");
        }
        return (driver, await nodeTypes.GetAsync("executorType", spec.ExecutorType, SparkRole.Executor, ct));
    }
}
