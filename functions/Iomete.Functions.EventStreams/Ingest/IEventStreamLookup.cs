using Iomete.Functions.EventStreams.Streams;

namespace Iomete.Functions.EventStreams.Ingest;

/// <summary>What ingestion needs of the stream store (implemented by <c>EventStreamStore</c>).</summary>
public interface IEventStreamLookup
{
    /// <summary>The stream by its ingest-URL name; served from a cache (called on every ingest request).</summary>
    Task<EventStream?> FindAsync(string @namespace, string name, CancellationToken ct);

    /// <summary>Streams that should be running: status STARTING or ACTIVE, in every domain.</summary>
    Task<IReadOnlyList<EventStream>> ListRunnableAsync(CancellationToken ct);

    Task SetStatusAsync(string id, EventStreamStatus status, CancellationToken ct);
}
