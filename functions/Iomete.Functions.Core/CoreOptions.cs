using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Core;

/// <summary>Settings of the Core service, section <c>Iomete:Core</c>.</summary>
public sealed class CoreOptions
{
    public const string Section = "Iomete:Core";

    /// <summary>
    /// File holding the 256-bit key that encrypts stored secrets (sensitive Spark settings, the SMTP
    /// password, webhook secrets). Default: <c>{DataDir}/keys/core-secrets.key</c>, created with mode
    /// 0600 on first use. In a cluster, mount the same key file into every replica.
    /// </summary>
    public string? SecretKeyFile { get; set; }

    /// <summary>Largest object the storage browser accepts in one upload, in bytes (default 512 MiB).</summary>
    [Range(1, long.MaxValue)]
    public long StorageUploadMaxBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>How long a webhook test delivery may take before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long connecting to and talking with the SMTP server may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
