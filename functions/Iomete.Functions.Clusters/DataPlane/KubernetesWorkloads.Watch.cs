using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.Clusters.DataPlane;

/// <summary>The Deployment watch: list, then watch from the list's version; resume after drops, re-list after 410 Gone.</summary>
internal sealed partial class KubernetesWorkloads
{
    public async IAsyncEnumerable<DeploymentState> WatchDeploymentsAsync(string @namespace, string labelSelector, [EnumeratorCancellation] CancellationToken ct)
    {
        string? resourceVersion = null;
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            var batch = new List<DeploymentState>();
            try
            {
                if (resourceVersion is null)
                {
                    var list = await client.AppsV1.ListNamespacedDeploymentAsync(@namespace, labelSelector: labelSelector, cancellationToken: ct);
                    resourceVersion = list.Metadata?.ResourceVersion;
                    batch.AddRange(list.Items.Select(d => Read(WithNamespace(d, @namespace))));
                }
            }
            catch (Exception e) when (e is HttpOperationException or HttpRequestException or IOException && !ct.IsCancellationRequested)
            {
                LogWatchFailed(logger, e, @namespace);
                await Task.Delay(Backoff(++failures), ct);
                continue;
            }
            foreach (var state in batch)
            {
                yield return state;
            }
            Exception? watchError = null;
            await using var events = client.AppsV1.WatchListNamespacedDeploymentAsync(
                @namespace, allowWatchBookmarks: true, labelSelector: labelSelector, resourceVersion: resourceVersion,
                onError: e => watchError = e, cancellationToken: ct).GetAsyncEnumerator(ct);
            while (true)
            {
                (WatchEventType Type, V1Deployment Item) next;
                try
                {
                    if (!await events.MoveNextAsync())
                    {
                        if (watchError is KubernetesException expired)
                        {
                            LogWatchFailed(logger, expired, @namespace);
                            resourceVersion = null;
                        }
                        break;
                    }
                    next = events.Current;
                }
                catch (KubernetesException e) when (!ct.IsCancellationRequested)
                {
                    LogWatchFailed(logger, e, @namespace);
                    resourceVersion = null;
                    break;
                }
                catch (Exception e) when (e is HttpOperationException or HttpRequestException or IOException or JsonException && !ct.IsCancellationRequested)
                {
                    LogWatchFailed(logger, e, @namespace);
                    await Task.Delay(Backoff(++failures), ct);
                    break;
                }
                failures = 0;
                if (next.Type == WatchEventType.Error)
                {
                    resourceVersion = null;
                    break;
                }
                if (next.Item?.Metadata?.ResourceVersion is { } version)
                {
                    resourceVersion = version;
                }
                if (next.Type == WatchEventType.Bookmark || next.Item?.Metadata?.Name is null)
                {
                    continue;
                }
                yield return Read(WithNamespace(next.Item, @namespace), deleted: next.Type == WatchEventType.Deleted);
            }
        }
    }

    private static V1Deployment WithNamespace(V1Deployment deployment, string @namespace)
    {
        deployment.Metadata.NamespaceProperty ??= @namespace;
        return deployment;
    }

    private static TimeSpan Backoff(int failures) => TimeSpan.FromMilliseconds(Math.Min(30_000, 200 * (1 << Math.Min(failures, 8))));

    [LoggerMessage(EventId = 6111, Level = LogLevel.Warning, Message = "Watch of Deployments in {Namespace} broke; resuming")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception, string @namespace);
}
