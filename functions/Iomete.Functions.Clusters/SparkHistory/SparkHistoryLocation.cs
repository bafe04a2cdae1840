using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Platform.Errors;
using Iomete.Platform.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.SparkHistory;

/// <summary>
/// Where Spark event logs go and where the history server is: one answer for the SparkApplications we build (their
/// <see cref="SparkEventLog"/>), the history server's manifests and the proxy. The object store is the platform's own
/// S3 store (<c>Iomete:Storage:S3</c>), read from configuration because the storage service may run elsewhere.
/// </summary>
public sealed class SparkHistoryLocation(
    IConfiguration configuration, IOptions<SparkHistoryOptions> options, IOptions<ClustersOptions> clusters, IOptions<DataPlaneOptions> dataPlane)
{
    public const string Folder = "iomete-assets/spark-history/";

    private S3StorageOptions? S3 => configuration.GetSection(S3StorageOptions.Section).Get<S3StorageOptions>() is { Bucket.Length: > 0 } s3 ? s3 : null;

    /// <summary>The event-log folder, or null when neither it nor an S3 bucket is configured.</summary>
    public string? EventLogDirectory => options.Value.SparkEventLogDirectory is { Length: > 0 } explicitDir
        ? explicitDir
        : S3 is { } s3 ? $"s3a://{s3.Bucket}/{(string.IsNullOrEmpty(s3.Prefix) ? "" : s3.Prefix.Trim('/') + "/")}{Folder}" : null;

    /// <summary>The event log for an application started at <paramref name="startedAt"/>, or null when there is nowhere to write it.</summary>
    public SparkEventLog? EventLogFor(DateTimeOffset startedAt) => EventLogDirectory is { } dir ? new SparkEventLog(dir, startedAt) : null;

    /// <summary>Hadoop S3A settings that reach the platform's store (endpoint, path style), for readers and writers of the event logs.</summary>
    public IReadOnlyDictionary<string, string> HadoopConf
    {
        get
        {
            var conf = new Dictionary<string, string>(StringComparer.Ordinal);
            if (S3 is { } s3)
            {
                if (!string.IsNullOrEmpty(s3.ServiceUrl))
                    conf["fs.s3a.endpoint"] = s3.ServiceUrl;
                conf["fs.s3a.endpoint.region"] = s3.Region;
                conf["fs.s3a.path.style.access"] = s3.ForcePathStyle ? "true" : "false";
            }
            return conf;
        }
    }

    /// <summary>Static S3 keys of the platform store, if it uses any (they go into a Secret, never into a manifest).</summary>
    public (string AccessKey, string SecretKey)? Credentials =>
        S3 is { AccessKey.Length: > 0, SecretKey.Length: > 0 } s3 ? (s3.AccessKey!, s3.SecretKey!) : null;

    /// <summary>The namespace the history server runs in: the first data-plane namespace.</summary>
    public string Namespace => clusters.Value.AllowedNamespaces[0];

    /// <summary>The history server's UI for the proxy; 409 saying what to configure when there is none.</summary>
    public Uri RequireHistoryUrl()
    {
        if (options.Value.SparkHistoryUrl is { Length: > 0 } url)
            return new Uri(url.TrimEnd('/') + "/");
        if (!dataPlane.Value.Configured)
            throw new ConflictException(
                $"No Spark History Server: set {SparkHistoryOptions.Section}:SparkHistoryUrl to its address, or configure a data plane " +
                $"({DataPlaneOptions.Section}:ApiServer) and deploy it with PUT /api/v1/admin/spark-history-server.");
        return new Uri(HistoryServerManifests.ServiceUrl(Namespace) + "/");
    }

    /// <summary>The history server's definition; 409 when no event-log folder is known.</summary>
    public HistoryServerDefinition RequireDefinition(string? credentialsSecret) => new()
    {
        Namespace = Namespace,
        Image = options.Value.SparkHistoryImage,
        LogDirectory = EventLogDirectory ?? throw new ConflictException(
            $"No event-log folder: set {S3StorageOptions.Section}:Bucket (the platform's S3 store) or {SparkHistoryOptions.Section}:SparkEventLogDirectory."),
        HadoopConf = HadoopConf,
        CredentialsSecret = credentialsSecret,
    };
}
