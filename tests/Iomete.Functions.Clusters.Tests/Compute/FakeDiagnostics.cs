using Iomete.Functions.Clusters.DataPlane;

namespace Iomete.Functions.Clusters.Tests.Compute;

/// <summary>Diagnostics of a data plane that has one driver log and a few events, recording what was asked.</summary>
internal sealed class FakeDiagnostics : IDataPlaneDiagnostics
{
    public List<string> Asked { get; } = [];

    public Task<string?> ReadPodLogAsync(string @namespace, string pod, int? tailLines, long? sinceSeconds, CancellationToken ct)
    {
        lock (Asked)
        {
            Asked.Add($"log {@namespace}/{pod} tail={tailLines} since={sinceSeconds}");
        }
        return Task.FromResult<string?>(pod.EndsWith("-driver", StringComparison.Ordinal) ? $"driver log of {pod}\nline 2\n" : null);
    }

    public Task<IReadOnlyList<KubernetesEventView>> ListEventsAsync(string @namespace, string objectName, IReadOnlyList<string> relatedNames, CancellationToken ct)
    {
        lock (Asked)
        {
            Asked.Add($"events {@namespace}/{objectName} + {string.Join(",", relatedNames)}");
        }
        var now = DateTimeOffset.UtcNow;
        IReadOnlyList<KubernetesEventView> events =
        [
            new("Warning", "FailedScheduling", "0/3 nodes are available", "Pod", relatedNames[0], 2, now.AddMinutes(-2), now),
            new("Normal", "SparkApplicationSubmitted", "submitted", "SparkApplication", objectName, 1, now.AddMinutes(-3), now.AddMinutes(-3)),
        ];
        return Task.FromResult(events);
    }
}
