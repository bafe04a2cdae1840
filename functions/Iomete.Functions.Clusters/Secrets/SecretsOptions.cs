namespace Iomete.Functions.Clusters.Secrets;

/// <summary>Settings of the secret store, section <c>Iomete:Clusters:Secrets</c>.</summary>
public sealed class SecretsOptions
{
    public const string Section = "Iomete:Clusters:Secrets";

    /// <summary>The AES-256 key file secret values and registry passwords are encrypted with; default <c>{DataDir}/keys/clusters-secrets.key</c>.</summary>
    public string? KeyFile { get; set; }
}
