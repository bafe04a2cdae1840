using System.ComponentModel.DataAnnotations;

namespace Iomete.Platform.Storage;

/// <summary>An S3-compatible store (AWS, MinIO, Dell ECS), section <c>Iomete:Storage:S3</c>.</summary>
public sealed class S3StorageOptions
{
    public const string Section = "Iomete:Storage:S3";

    /// <summary>Endpoint, e.g. <c>http://minio:9000</c>; empty means AWS for <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    [Required]
    public string Bucket { get; set; } = string.Empty;

    /// <summary>Key prefix inside the bucket under which the store's root lies, e.g. <c>warehouse</c>.</summary>
    public string? Prefix { get; set; }

    /// <summary>Static credentials; when both are empty the SDK's default chain is used (IRSA, env, profile).</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Path-style addressing (<c>host/bucket/key</c>), which MinIO and Dell ECS need.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>
    /// Streaming SigV4 (<c>aws-chunked</c>) bodies. Real S3 and MinIO accept them; s3rver stores the
    /// chunk framing inside the object, so its users must turn this off.
    /// </summary>
    public bool UseChunkEncoding { get; set; } = true;

    /// <summary>
    /// Whether the server enforces <c>If-None-Match: *</c> (AWS since 2024, recent MinIO do). s3rver
    /// ignores it: declare false there, and create-only puts become a check before the write.
    /// </summary>
    public bool SupportsConditionalPut { get; set; } = true;

    /// <summary>Checksums only when an operation requires them: <c>WHEN_REQUIRED</c> or <c>WHEN_SUPPORTED</c>.</summary>
    [RegularExpression("WHEN_REQUIRED|WHEN_SUPPORTED")]
    public string RequestChecksumCalculation { get; set; } = "WHEN_REQUIRED";

    [RegularExpression("WHEN_REQUIRED|WHEN_SUPPORTED")]
    public string ResponseChecksumValidation { get; set; } = "WHEN_REQUIRED";

    /// <summary>Content larger than this goes up as a multipart upload in parts of this size (S3 minimum 5 MiB).</summary>
    [Range(5L * 1024 * 1024, 5L * 1024 * 1024 * 1024)]
    public long PartSizeBytes { get; set; } = 8L * 1024 * 1024;
}
