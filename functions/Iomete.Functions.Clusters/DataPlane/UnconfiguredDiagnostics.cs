namespace Iomete.Functions.Clusters.DataPlane;

/// <summary>Diagnostics without a data plane: nothing runs there, so asking is a 409 that says what to configure.</summary>
internal sealed class UnconfiguredDiagnostics : IDataPlaneDiagnostics
{
    public Task<string?> ReadPodLogAsync(string @namespace, string pod, int? tailLines, long? sinceSeconds, CancellationToken ct) =>
        throw new DataPlaneNotConfiguredException();

    public Task<IReadOnlyList<KubernetesEventView>> ListEventsAsync(string @namespace, string objectName, IReadOnlyList<string> relatedNames, CancellationToken ct) =>
        throw new DataPlaneNotConfiguredException();
}
