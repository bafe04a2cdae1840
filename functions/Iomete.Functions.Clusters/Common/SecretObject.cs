using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.Common;

/// <summary>Where a secret lives: <c>KUBERNETES</c> (the IOMETE-managed store; id = domain, or empty for global) or <c>VAULT</c> (id = vault config).</summary>
public sealed record SecretSource(string Type, string? Id);

/// <summary>IOMETE's <c>secretObject</c>: a reference to a secret by key, never its value (iomete-features.md §3.6).</summary>
public sealed record SecretObject(string Key, SecretSource Source);

/// <summary>An <c>envSecrets[]</c> / <c>sparkConfSecrets[]</c> item: the variable or Spark key, and the secret that fills it.</summary>
public sealed record SecretReference(string Key, SecretObject SecretObject);

public static class SecretObjects
{
    public const string Kubernetes = "KUBERNETES";
    public const string Vault = "VAULT";

    /// <summary>The Kubernetes Secret IOMETE keeps a domain's managed secrets in; global ones live in <c>iomete-secret-store</c>.</summary>
    public static string StoreName(string? domain) =>
        string.IsNullOrEmpty(domain) ? "iomete-secret-store" : $"iomete-secret-store-{domain}";

    /// <summary>
    /// The pod environment variable that reads a managed secret (<c>valueFrom.secretKeyRef</c>): the value never passes
    /// through the control plane's answers or the SparkApplication object.
    /// </summary>
    public static SecretEnvVar ToEnvVar(string variable, SecretObject secret)
    {
        if (!string.Equals(secret.Source.Type, Kubernetes, StringComparison.OrdinalIgnoreCase))
        {
            throw new ValidationException($"Secret '{secret.Key}' comes from {secret.Source.Type}; only {Kubernetes} secrets can be mounted into Spark pods here.");
        }
        return new SecretEnvVar(variable, StoreName(secret.Source.Id), secret.Key);
    }
}
