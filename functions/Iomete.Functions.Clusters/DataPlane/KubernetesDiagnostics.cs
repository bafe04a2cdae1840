using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Iomete.Functions.Clusters.DataPlane;

/// <summary><see cref="IDataPlaneDiagnostics"/> through KubernetesClient's core/v1 pod-log and event endpoints.</summary>
internal sealed class KubernetesDiagnostics(IKubernetes client) : IDataPlaneDiagnostics
{
    public async Task<string?> ReadPodLogAsync(string @namespace, string pod, int? tailLines, long? sinceSeconds, CancellationToken ct)
    {
        try
        {
            await using var log = await client.CoreV1.ReadNamespacedPodLogAsync(
                pod, @namespace, tailLines: tailLines, sinceSeconds: sinceSeconds is { } s ? (int)Math.Min(s, int.MaxValue) : null, cancellationToken: ct);
            using var reader = new StreamReader(log);
            return await reader.ReadToEndAsync(ct);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<KubernetesEventView>> ListEventsAsync(
        string @namespace, string objectName, IReadOnlyList<string> relatedNames, CancellationToken ct)
    {
        // A field selector matches one value per field: one list per name, merged.
        var names = new[] { objectName }.Concat(relatedNames).Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.Ordinal);
        var events = new List<KubernetesEventView>();
        foreach (var name in names)
        {
            var list = await client.CoreV1.ListNamespacedEventAsync(@namespace, fieldSelector: $"involvedObject.name={name}", cancellationToken: ct);
            events.AddRange(list.Items.Select(View));
        }
        return events.OrderByDescending(e => e.LastSeen ?? e.FirstSeen ?? DateTimeOffset.MinValue).ToList();
    }

    internal static KubernetesEventView View(Corev1Event e)
    {
        var first = e.FirstTimestamp ?? e.EventTime ?? e.Metadata?.CreationTimestamp;
        var last = e.LastTimestamp ?? e.Series?.LastObservedTime ?? first;
        return new KubernetesEventView(
            e.Type ?? "Normal",
            e.Reason,
            e.Message,
            e.InvolvedObject?.Kind ?? "",
            e.InvolvedObject?.Name ?? "",
            e.Count ?? e.Series?.Count ?? 1,
            Instant(first),
            Instant(last));
    }

    private static DateTimeOffset? Instant(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
