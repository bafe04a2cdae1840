using Iomete.Functions.Clusters.Kubernetes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.DataPlane;

/// <summary>
/// Watches our SparkApplications in every allowed namespace and hands each status change to the observer of its
/// resource type (label <see cref="ManifestLabels.ResourceType"/>). Runs only with a configured data plane.
/// </summary>
internal sealed partial class SparkApplicationWatcher(
    ISparkApplications applications,
    IEnumerable<ISparkApplicationObserver> observers,
    IOptions<DataPlaneOptions> dataPlane,
    IOptions<ClustersOptions> clusters,
    ILogger<SparkApplicationWatcher> logger) : BackgroundService
{
    private readonly Dictionary<string, ISparkApplicationObserver[]> _byType = observers
        .GroupBy(o => ManifestLabels.Value(o.ResourceType))
        .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!dataPlane.Value.Configured || _byType.Count == 0)
        {
            return Task.CompletedTask;
        }
        return Task.WhenAll(clusters.Value.AllowedNamespaces.Select(ns => WatchAsync(ns, stoppingToken)));
    }

    private async Task WatchAsync(string ns, CancellationToken ct)
    {
        try
        {
            await foreach (var status in applications.WatchAsync(ns, $"{ManifestLabels.Managed}=true", ct))
            {
                if (!status.Labels.TryGetValue(ManifestLabels.ResourceType, out var type) || !_byType.TryGetValue(type, out var handlers))
                {
                    continue;
                }
                foreach (var handler in handlers)
                {
                    try
                    {
                        await handler.OnStatusAsync(status, ct);
                    }
                    catch (Exception e) when (!ct.IsCancellationRequested)
                    {
                        LogObserverFailed(logger, e, status.Namespace, status.Name, status.State);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 6102, Level = LogLevel.Error, Message = "Handling the state {State} of SparkApplication {Namespace}/{Name} failed")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, string @namespace, string name, string state);
}
