using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.EventStreams;

/// <summary>Settings of the event-stream service, section <c>Iomete:EventStreams</c>.</summary>
public sealed class EventStreamsOptions
{
    public const string Section = "Iomete:EventStreams";

    public const string DefaultNamespace = "iomete-system";

    /// <summary>
    /// Data-plane namespaces streams may run in (IOMETE's Helm <c>namespaces</c>); the first is the default. Empty
    /// (the default) means <see cref="DefaultNamespace"/> only; configured values replace it (configuration binding
    /// appends to a non-empty list default, hence the empty default).
    /// </summary>
    public List<string> Namespaces { get; set; } = [];

    /// <summary><see cref="Namespaces"/>, or <see cref="DefaultNamespace"/> when none are configured.</summary>
    public IReadOnlyList<string> AllowedNamespaces => Namespaces.Count > 0 ? Namespaces : [DefaultNamespace];

    /// <summary>
    /// Whether this process runs stream pipelines (and so serves the ingest route). In a cluster only the event-stream
    /// Deployment (StatefulSet, with a volume per replica) sets it; other Deployments of the same app image leave it false.
    /// </summary>
    public bool RunPipelines { get; set; } = true;

    /// <summary>Where write-ahead logs live (a stream's volume in a cluster); default <c>{DataDir}/event-streams</c>.</summary>
    public string? WalDirectory { get; set; }

    /// <summary>Public base URL shown in the Connect view (e.g. <c>https://lakehouse.example.com</c>); default: the request's own.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>How long an <c>Idempotency-Key</c> is remembered after its request was acknowledged.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Upper bound of remembered keys per stream (oldest forgotten first, even inside the window).</summary>
    [Range(1_000, 100_000_000)]
    public int MaxIdempotencyKeys { get; set; } = 5_000_000;

    /// <summary>How long a table's schema and an ingest authorization decision are reused before they are checked again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan DecisionCacheLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>On shutdown, how long the pipelines may take to commit what was acknowledged (ingest answers 503 meanwhile).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
