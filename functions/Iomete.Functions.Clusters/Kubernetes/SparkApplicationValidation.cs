using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.Kubernetes;

/// <summary>The rules a definition must meet before it becomes a SparkApplication.</summary>
internal static class SparkApplicationValidation
{
    public static void Validate(SparkApplicationDefinition d)
    {
        KubernetesNames.RequireResourceName("name", d.Name);
        KubernetesNames.RequireNamespace("namespace", d.Namespace);
        if (d.ResourceType == ManagedResourceType.Jupyter)
            throw ValidationException.ForField("resourceType", "Jupyter containers are Deployments, not Spark applications.");
        if (d.ComputeServers is not null && d.ResourceType != ManagedResourceType.Compute)
            throw ValidationException.ForField("computeServers", "only compute clusters start IOMETE's servers.");
        if (d.ComputeServers is { HiveThrift: false, SparkConnect: false, ArrowFlight: false })
            throw ValidationException.ForField("computeServers", "a compute cluster must start at least one server.");
        Require("image", d.Image);
        Require("mainApplicationFile", d.MainApplicationFile);
        Require("sparkVersion", d.SparkVersion);
        RequireDeployment(d);
        RequireRestartPolicy(d.RestartPolicy);
        if (d.TimeToLiveSeconds is < 0)
            throw ValidationException.ForField("timeToLiveSeconds", "must not be negative.");
        foreach (var name in d.EnvVars.Keys)
            KubernetesNames.RequireEnvName("envVars", name);
        foreach (var secret in d.EnvSecrets)
        {
            KubernetesNames.RequireEnvName("envSecrets", secret.Name);
            Require("envSecrets.secretName", secret.SecretName);
            Require("envSecrets.secretKey", secret.SecretKey);
        }
        RequireDistinctEnv(d.EnvVars, d.EnvSecrets);
        RequirePlacement(d.NodeSelector, d.Tolerations);
    }

    internal static void RequireDistinctEnv(IReadOnlyDictionary<string, string> vars, IReadOnlyList<SecretEnvVar> secrets)
    {
        var duplicate = secrets.Select(s => s.Name).Concat(vars.Keys)
            .GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw ValidationException.ForField("envVars", $"'{duplicate.Key}' is set more than once.");
    }

    internal static void RequirePlacement(IReadOnlyDictionary<string, string> nodeSelector, IReadOnlyList<KubernetesToleration> tolerations)
    {
        foreach (var (key, value) in nodeSelector)
        {
            KubernetesNames.RequireLabelKey("nodeSelector", key);
            KubernetesNames.RequireLabelValue("nodeSelector", value);
        }
        foreach (var toleration in tolerations)
            RequireToleration(toleration);
    }

    private static void RequireDeployment(SparkApplicationDefinition d)
    {
        var deployment = d.Deployment;
        if (deployment.SingleNode)
            return;
        if (d.ExecutorNodeType is null)
            throw ValidationException.ForField("executorNodeType", "is required for a multi-node deployment.");
        if (deployment.MinExecutors < 0 || deployment.MaxExecutors < 1 || deployment.MinExecutors > deployment.MaxExecutors)
            throw ValidationException.ForField("maxExecutors",
                "executors need 0 <= min <= max and max >= 1 for a multi-node deployment.");
    }

    private static void RequireRestartPolicy(SparkRestartPolicy policy)
    {
        if (policy.OnFailureRetries < 0 || policy.OnSubmissionFailureRetries < 0)
            throw ValidationException.ForField("restartPolicy", "retries must not be negative.");
        if (policy.OnFailureRetryIntervalSeconds < 1 || policy.OnSubmissionFailureRetryIntervalSeconds < 1)
            throw ValidationException.ForField("restartPolicy", "retry intervals must be at least 1 second.");
    }

    private static void RequireToleration(KubernetesToleration t)
    {
        if (t.Operator is not ("Equal" or "Exists"))
            throw ValidationException.ForField("tolerations", $"operator '{t.Operator}' must be Equal or Exists.");
        if (t.Effect is not (null or "NoSchedule" or "PreferNoSchedule" or "NoExecute"))
            throw ValidationException.ForField("tolerations", $"effect '{t.Effect}' must be NoSchedule, PreferNoSchedule or NoExecute.");
        if (t.Operator == "Exists" && t.Value is not null)
            throw ValidationException.ForField("tolerations", "an Exists toleration has no value.");
        if (t.Key is null && t.Operator != "Exists")
            throw ValidationException.ForField("tolerations", "a toleration without a key must use Exists.");
    }

    internal static void Require(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw ValidationException.ForField(field, "is required.");
    }
}
