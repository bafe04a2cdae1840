namespace Iomete.Functions.Clusters.Jobs;

/// <summary>Values of keys that look like credentials (token, password, secret) never leave the service in answers.</summary>
public static class SecretMasking
{
    public const string Mask = "*****";

    public static bool IsSensitive(string key) =>
        key.Contains("token", StringComparison.OrdinalIgnoreCase)
        || key.Contains("password", StringComparison.OrdinalIgnoreCase)
        || key.Contains("secret", StringComparison.OrdinalIgnoreCase);

    public static Dictionary<string, string>? Masked(IReadOnlyDictionary<string, string>? values) =>
        values?.ToDictionary(p => p.Key, p => IsSensitive(p.Key) ? Mask : p.Value, StringComparer.Ordinal);

    /// <summary>A replaced map where a sensitive key still carries the mask keeps its stored value (a client sends back what it read).</summary>
    public static Dictionary<string, string>? Unmask(Dictionary<string, string>? incoming, IReadOnlyDictionary<string, string>? stored)
    {
        if (incoming is null || stored is null)
        {
            return incoming;
        }
        return incoming.ToDictionary(
            p => p.Key,
            p => p.Value == Mask && IsSensitive(p.Key) && stored.TryGetValue(p.Key, out var kept) ? kept : p.Value,
            StringComparer.Ordinal);
    }

    public static JobTemplate Masked(JobTemplate template) =>
        template with { EnvVars = Masked(template.EnvVars), SparkConf = Masked(template.SparkConf) };
}
