using System.Collections.Concurrent;
using Iomete.Functions.EventStreams.Streams;

namespace Iomete.Functions.EventStreams.Tests.Streams;

/// <summary>A stand-in for the ingestion pipelines: records what the resource functions told it; metrics are set by the test.</summary>
public sealed class RecordingStreamRuntime : IStreamRuntime
{
    public ConcurrentQueue<EventStream> Started { get; } = new();

    public ConcurrentQueue<string> Stopped { get; } = new();

    public ConcurrentQueue<string> Forgotten { get; } = new();

    public ConcurrentDictionary<string, StreamMetrics> Figures { get; } = new();

    public void Start(EventStream stream) => Started.Enqueue(stream);

    public Task StopAsync(string streamId, CancellationToken ct)
    {
        Stopped.Enqueue(streamId);
        Figures.TryRemove(streamId, out _);
        return Task.CompletedTask;
    }

    public Task ForgetAsync(string streamId, CancellationToken ct)
    {
        Forgotten.Enqueue(streamId);
        return Task.CompletedTask;
    }

    public StreamMetrics? Metrics(string streamId) => Figures.TryGetValue(streamId, out var m) ? m : null;
}
