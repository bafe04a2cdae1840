using System.Text.RegularExpressions;
using Iomete.Functions.Clusters.Common;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.Compute;

/// <summary>Input rules of compute clusters (iomete-features.md §3.1).</summary>
internal static partial class ComputeRules
{
    public const int MaxNameLength = 53;
    public const int MaxAutoSuspendSeconds = 3 * 3600;
    public const int DefaultAutoSuspendSeconds = 1800;
    public const string Local = "local";

    public static string Name(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || !Dns1035().IsMatch(name))
        {
            throw ValidationException.ForField("name",
                $"must be 1 to {MaxNameLength} lowercase letters, digits or '-', starting with a letter and ending with a letter or digit");
        }
        if (name == Local)
        {
            throw ValidationException.ForField("name", "'local' is the embedded compute's name");
        }
        return name;
    }

    public static DeploymentType Deployment(string? value) => (value ?? "MULTI_NODE").ToUpperInvariant() switch
    {
        "MULTI_NODE" => DeploymentType.MultiNode,
        "SINGLE_NODE" => DeploymentType.SingleNode,
        _ => throw ValidationException.ForField("deploymentType", "must be MULTI_NODE or SINGLE_NODE"),
    };

    public static (int Min, int Max) Executors(DeploymentType deployment, int? min, int? max)
    {
        if (deployment == DeploymentType.SingleNode)
        {
            return (0, 0);
        }
        var (lo, hi) = (min ?? 0, max ?? 1);
        if (lo < 0 || hi < 1 || lo > hi || hi > 1000)
        {
            throw ValidationException.ForField("maxExecutors", "needs 0 <= minExecutors <= maxExecutors, 1 <= maxExecutors <= 1000");
        }
        return (lo, hi);
    }

    /// <summary>Null disables auto-suspend; absent means the default (30 minutes).</summary>
    public static int? AutoSuspend(bool given, int? seconds, ComputeOptions options)
    {
        if (!given)
        {
            return DefaultAutoSuspendSeconds;
        }
        if (seconds is null)
        {
            return null;
        }
        if (seconds < options.MinAutoSuspendSeconds || seconds > MaxAutoSuspendSeconds)
        {
            throw ValidationException.ForField("autoSuspendSeconds",
                $"must be {options.MinAutoSuspendSeconds} to {MaxAutoSuspendSeconds} seconds, or null to disable auto-suspend");
        }
        return seconds;
    }

    public static IReadOnlyDictionary<string, string> Map(string field, Dictionary<string, string?>? map, bool envNames)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map ?? [])
        {
            if (string.IsNullOrWhiteSpace(key) || value is null)
            {
                throw ValidationException.ForField(field, $"'{key}' needs a non-empty key and a value");
            }
            if (envNames)
            {
                KubernetesNames.RequireEnvName(field, key);
            }
            result[key] = value;
        }
        return result;
    }

    public static IReadOnlyList<SecretReference> Secrets(string field, List<SecretReference?>? secrets, bool envNames)
    {
        var result = new List<SecretReference>();
        foreach (var (secret, i) in (secrets ?? []).Select((s, i) => (s, i)))
        {
            if (secret is null || string.IsNullOrWhiteSpace(secret.Key) || secret.SecretObject is null
                || string.IsNullOrWhiteSpace(secret.SecretObject.Key) || secret.SecretObject.Source is null)
            {
                throw ValidationException.ForField($"{field}[{i}]", "needs a key and a secretObject {key, source {type, id}}");
            }
            if (envNames)
            {
                KubernetesNames.RequireEnvName($"{field}[{i}].key", secret.Key);
            }
            // Only secrets that can be mounted into pods are accepted (a 400 names the others).
            SecretObjects.ToEnvVar(secret.Key, secret.SecretObject);
            result.Add(secret);
        }
        if (result.GroupBy(s => s.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw ValidationException.ForField(field, $"'{duplicate.Key}' is given twice");
        }
        return result;
    }

    public static IReadOnlyList<ResourceTag> Tags(List<ResourceTag?>? tags)
    {
        var result = new List<ResourceTag>();
        foreach (var (tag, i) in (tags ?? []).Select((t, i) => (t, i)))
        {
            if (tag is null || string.IsNullOrWhiteSpace(tag.Key) || tag.Key.Length > 255 || tag.Value is null || tag.Value.Length > 255)
            {
                throw ValidationException.ForField($"resourceTags[{i}]", "needs a key (1-255 characters) and a value (at most 255)");
            }
            result.Add(tag);
        }
        if (result.GroupBy(t => t.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw ValidationException.ForField("resourceTags", $"'{duplicate.Key}' is given twice");
        }
        return result;
    }

    public static IReadOnlyList<string> List(List<string?>? values, string field)
    {
        var result = new List<string>();
        foreach (var value in values ?? [])
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw ValidationException.ForField(field, "must not contain empty entries");
            }
            result.Add(value.Trim());
        }
        return result;
    }

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035();
}
