using System.Text.RegularExpressions;
using Iomete.Functions.Clusters.Common;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.Jupyter;

/// <summary>Validation of what users send for a Jupyter container; a breach is a 400 naming the field.</summary>
public static partial class JupyterRules
{
    /// <summary>The Kubernetes objects are named <c>jc-{name}</c> and must stay within <see cref="KubernetesNames.MaxResourceNameLength"/>.</summary>
    public const int MaxNameLength = KubernetesNames.MaxResourceNameLength - 3;

    /// <summary>JupyterLab options the platform sets itself (and their legacy <c>NotebookApp</c> spellings).</summary>
    private static readonly string[] PlatformArguments =
    [
        "--ip", "--port", "--ServerApp.ip", "--ServerApp.port", "--ServerApp.base_url", "--ServerApp.allow_origin", "--ServerApp.token",
        "--IdentityProvider.token", "--NotebookApp.ip", "--NotebookApp.port", "--NotebookApp.base_url", "--NotebookApp.allow_origin",
        "--NotebookApp.token", "--ServerApp.password", "--PasswordIdentityProvider.hashed_password",
    ];

    public static string Name(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || !Dns1123().IsMatch(name))
            throw ValidationException.ForField("name",
                $"must be 1-{MaxNameLength} lowercase letters, digits or '-', starting and ending with a letter or digit.");
        return name;
    }

    public static JupyterConfig Config(Dictionary<string, string?>? envVars, List<SecretReference?>? envSecrets, List<string?>? jupyterArgs)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in envVars ?? [])
        {
            KubernetesNames.RequireEnvName("envVars", key);
            env[key] = value ?? "";
        }
        var secrets = new List<SecretReference>();
        foreach (var item in envSecrets ?? [])
        {
            if (item is null || string.IsNullOrEmpty(item.Key) || item.SecretObject is null || string.IsNullOrEmpty(item.SecretObject.Key)
                || item.SecretObject.Source is null || string.IsNullOrEmpty(item.SecretObject.Source.Type))
                throw ValidationException.ForField("envSecrets", "each item needs a key and a secretObject {key, source {type, id}}.");
            KubernetesNames.RequireEnvName("envSecrets", item.Key);
            _ = SecretObjects.ToEnvVar(item.Key, item.SecretObject);
            secrets.Add(item);
        }
        var args = new List<string>();
        foreach (var arg in jupyterArgs ?? [])
        {
            if (string.IsNullOrWhiteSpace(arg))
                throw ValidationException.ForField("jupyterArgs", "must not contain empty arguments.");
            var option = arg.Split('=', 2)[0];
            if (PlatformArguments.Contains(option, StringComparer.Ordinal))
                throw ValidationException.ForField("jupyterArgs", $"'{option}' is set by the platform.");
            args.Add(arg);
        }
        return new JupyterConfig { EnvVars = env, EnvSecrets = secrets, JupyterArgs = args };
    }

    public static IReadOnlyList<JupyterTag> Tags(List<JupyterTag?>? tags)
    {
        var result = new List<JupyterTag>();
        foreach (var tag in tags ?? [])
        {
            if (tag is null || string.IsNullOrEmpty(tag.Key))
                throw ValidationException.ForField("resourceTags", "each tag needs a key.");
            KubernetesNames.RequireLabelKey("resourceTags", tag.Key);
            KubernetesNames.RequireLabelValue("resourceTags", tag.Value ?? "");
            if (tag.Key.StartsWith("iomete.com/", StringComparison.Ordinal))
                throw ValidationException.ForField("resourceTags", $"'{tag.Key}' is reserved for the platform.");
            result.Add(tag with { Value = tag.Value ?? "" });
        }
        if (result.Select(t => t.Key).Distinct(StringComparer.Ordinal).Count() != result.Count)
            throw ValidationException.ForField("resourceTags", "keys must be unique.");
        return result;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123();
}
