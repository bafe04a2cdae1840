namespace Iomete.Functions.Clusters.DataPlane;

/// <summary>One Kubernetes event about an object of ours (the "Kubernetes events" tab).</summary>
/// <param name="ObjectKind">The involved object's kind: <c>Pod</c>, <c>SparkApplication</c>, <c>Deployment</c>, …</param>
public sealed record KubernetesEventView(
    string Type,
    string? Reason,
    string? Message,
    string ObjectKind,
    string ObjectName,
    int Count,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen);

/// <summary>Logs and events of what runs on the data plane, read for the console's Logs and Kubernetes-events tabs.</summary>
public interface IDataPlaneDiagnostics
{
    /// <summary>
    /// The log of one pod (a Spark driver: <c>{application}-driver</c>), the last <paramref name="tailLines"/> lines and/or
    /// those of the last <paramref name="sinceSeconds"/>; null when the pod does not exist (any more).
    /// </summary>
    Task<string?> ReadPodLogAsync(string @namespace, string pod, int? tailLines, long? sinceSeconds, CancellationToken ct);

    /// <summary>The events whose involved object is named <paramref name="objectName"/> or one of <paramref name="relatedNames"/>, newest first.</summary>
    Task<IReadOnlyList<KubernetesEventView>> ListEventsAsync(string @namespace, string objectName, IReadOnlyList<string> relatedNames, CancellationToken ct);
}
