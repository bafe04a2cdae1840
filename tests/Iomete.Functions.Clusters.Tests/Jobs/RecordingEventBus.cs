using System.Collections.Concurrent;
using Iomete.Functions.Clusters.Common;
using Iomete.Platform.Messaging;

namespace Iomete.Functions.Clusters.Tests.Jobs;

/// <summary>An event bus that keeps what is published (the run state events under test).</summary>
internal sealed class RecordingEventBus : IEventBus
{
    public ConcurrentQueue<(string Topic, object? Payload)> Published { get; } = new();

    public Task PublishAsync<T>(string topic, T payload, CancellationToken ct)
    {
        Published.Enqueue((topic, payload));
        return Task.CompletedTask;
    }

    public IReadOnlyList<SparkRunStateChanged> RunChanges(string runId) =>
        Published.Where(p => p.Topic == ClusterTopics.SparkRuns).Select(p => p.Payload).OfType<SparkRunStateChanged>()
            .Where(c => c.RunId == runId).ToList();
}

/// <summary>Driver logs and events without Kubernetes: every pod logs one line naming itself; the application has a
/// Normal event and each related object (the driver pod) a Warning.</summary>
internal sealed class FakeDiagnostics : Clusters.DataPlane.IDataPlaneDiagnostics
{
    public ConcurrentQueue<(string Namespace, string Pod, int? Tail, long? Since)> Reads { get; } = new();

    public Task<string?> ReadPodLogAsync(string @namespace, string pod, int? tailLines, long? sinceSeconds, CancellationToken ct)
    {
        Reads.Enqueue((@namespace, pod, tailLines, sinceSeconds));
        return Task.FromResult<string?>($"log of {pod}\n");
    }

    public Task<IReadOnlyList<Clusters.DataPlane.KubernetesEventView>> ListEventsAsync(
        string @namespace, string objectName, IReadOnlyList<string> relatedNames, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Clusters.DataPlane.KubernetesEventView>>(
            [
                .. relatedNames.Select(name => new Clusters.DataPlane.KubernetesEventView(
                    "Warning", "BackOff", $"Back-off restarting {name}", "Pod", name, 3, null, DateTimeOffset.UnixEpoch.AddHours(2))),
                new Clusters.DataPlane.KubernetesEventView(
                    "Normal", "SparkApplicationSubmitted", $"{objectName} was submitted", "SparkApplication", objectName, 1, null, DateTimeOffset.UnixEpoch.AddHours(1)),
            ]);
}
