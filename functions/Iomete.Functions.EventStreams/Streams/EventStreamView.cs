namespace Iomete.Functions.EventStreams.Streams;

/// <summary>An event stream as the API shows it.</summary>
public sealed record EventStreamView(
    string Id,
    string Domain,
    string Name,
    string Namespace,
    string ResourceBundleId,
    EventStreamStatus Status,
    int Replicas,
    int CpuMillicores,
    int MemoryMiB,
    string? VolumeId,
    IReadOnlyList<ResourceTag> Tags,
    EventStreamSettings Settings,
    string IngestPath,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    public static EventStreamView From(EventStream s) => new(
        s.Id, s.DomainId, s.Name, s.Namespace, s.ResourceBundleId, s.Status, s.Replicas, s.CpuMillicores, s.MemoryMiB, s.VolumeId,
        s.Tags, s.Settings, IngestPathOf(s), s.CreatedBy, s.CreatedAt, s.UpdatedAt, s.Version);

    /// <summary>The path of the stream's ingest endpoint (IOMETE's data-plane route).</summary>
    public static string IngestPathOf(EventStream s) =>
        $"/data-plane/{Uri.EscapeDataString(s.Namespace)}/event-stream/{Uri.EscapeDataString(s.Name)}/ingest";
}
