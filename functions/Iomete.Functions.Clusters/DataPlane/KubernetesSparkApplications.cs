using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.Clusters.DataPlane;

/// <summary><see cref="ISparkApplications"/> through KubernetesClient's custom-objects API (spark-operator v1beta2).</summary>
internal sealed partial class KubernetesSparkApplications(IKubernetes client, ILogger<KubernetesSparkApplications> logger) : ISparkApplications
{
    public const string Group = "sparkoperator.k8s.io";
    public const string Version = "v1beta2";
    public const string Plural = "sparkapplications";

    public async Task<SparkApplicationStatus> CreateAsync(JsonObject application, CancellationToken ct)
    {
        var metadata = application["metadata"]?.AsObject() ?? throw new ArgumentException("The application has no metadata", nameof(application));
        var ns = metadata["namespace"]?.GetValue<string>() ?? throw new ArgumentException("The application has no namespace", nameof(application));
        var name = metadata["name"]?.GetValue<string>() ?? throw new ArgumentException("The application has no name", nameof(application));
        try
        {
            using var response = await client.CustomObjects.CreateNamespacedCustomObjectWithHttpMessagesAsync(
                application, Group, Version, ns, Plural, cancellationToken: ct);
            return Read(ns, name, ToElement(response.Body));
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            // Created by an earlier attempt whose answer was lost: the object is there, which is what was asked.
            return await GetAsync(ns, name, ct) ?? throw new InvalidOperationException($"SparkApplication {ns}/{name} conflicts but cannot be read", e);
        }
    }

    public async Task<SparkApplicationStatus?> GetAsync(string @namespace, string name, CancellationToken ct)
    {
        try
        {
            using var response = await client.CustomObjects.GetNamespacedCustomObjectWithHttpMessagesAsync(Group, Version, @namespace, Plural, name, cancellationToken: ct);
            return Read(@namespace, name, ToElement(response.Body));
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string @namespace, string name, CancellationToken ct)
    {
        try
        {
            using var response = await client.CustomObjects.DeleteNamespacedCustomObjectWithHttpMessagesAsync(Group, Version, @namespace, Plural, name, cancellationToken: ct);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
        }
    }

    public async IAsyncEnumerable<SparkApplicationStatus> WatchAsync(string @namespace, string labelSelector, [EnumeratorCancellation] CancellationToken ct)
    {
        string? resourceVersion = null;
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            var batch = new List<SparkApplicationStatus>();
            try
            {
                if (resourceVersion is null)
                {
                    using var list = await client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync(
                        Group, Version, @namespace, Plural, labelSelector: labelSelector, cancellationToken: ct);
                    var body = ToElement(list.Body);
                    resourceVersion = body.GetProperty("metadata").TryGetProperty("resourceVersion", out var rv) ? rv.GetString() : null;
                    foreach (var item in body.GetProperty("items").EnumerateArray())
                    {
                        batch.Add(Read(@namespace, Name(item), item));
                    }
                }
            }
            catch (Exception e) when (e is HttpOperationException or HttpRequestException or IOException && !ct.IsCancellationRequested)
            {
                LogWatchFailed(logger, e, @namespace);
                await Task.Delay(Backoff(++failures), ct);
                continue;
            }
            foreach (var status in batch)
            {
                yield return status;
            }
            // KubernetesClient hands ERROR events (410 Gone: the version is too old) to onError and ends the stream.
            Exception? watchError = null;
            await using var events = client.CustomObjects.WatchListNamespacedCustomObjectAsync(
                Group, Version, @namespace, Plural, allowWatchBookmarks: true, labelSelector: labelSelector, resourceVersion: resourceVersion,
                onError: e => watchError = e, cancellationToken: ct).GetAsyncEnumerator(ct);
            while (true)
            {
                (WatchEventType Type, JsonElement Item) next;
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
                    next = (events.Current.Item1, ToElement(events.Current.Item2));
                }
                catch (KubernetesException e) when (!ct.IsCancellationRequested)
                {
                    // An ERROR event (KubernetesClient raises it): 410 Gone means the version is too old; list again.
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
                    // 410 Gone: the resource version is too old; list again and watch from there.
                    resourceVersion = null;
                    break;
                }
                if (next.Item.TryGetProperty("metadata", out var meta) && meta.TryGetProperty("resourceVersion", out var version))
                {
                    resourceVersion = version.GetString();
                }
                if (next.Type == WatchEventType.Bookmark)
                {
                    continue;
                }
                yield return Read(@namespace, Name(next.Item), next.Item, deleted: next.Type == WatchEventType.Deleted);
            }
        }
    }

    internal static SparkApplicationStatus Read(string @namespace, string name, JsonElement body, bool deleted = false)
    {
        string? state = null;
        string? error = null;
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("status", out var status)
            && status.TryGetProperty("applicationState", out var application))
        {
            state = application.TryGetProperty("state", out var s) ? s.GetString() : null;
            error = application.TryGetProperty("errorMessage", out var m) ? m.GetString() : null;
        }
        var version = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("metadata", out var meta) && meta.TryGetProperty("resourceVersion", out var rv)
            ? rv.GetString()
            : null;
        var statusObject = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("status", out var whole) && whole.ValueKind == JsonValueKind.Object
            ? whole.Clone()
            : (JsonElement?)null;
        return new SparkApplicationStatus(@namespace, name, state ?? SparkApplicationState.New, error, version, deleted)
        {
            Labels = ReadLabels(body),
            StatusObject = statusObject,
        };
    }

    private static Dictionary<string, string> ReadLabels(JsonElement body)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("metadata", out var meta)
            && meta.TryGetProperty("labels", out var map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var label in map.EnumerateObject())
            {
                labels[label.Name] = label.Value.GetString() ?? "";
            }
        }
        return labels;
    }

    private static string Name(JsonElement item) => item.GetProperty("metadata").GetProperty("name").GetString()!;

    private static JsonElement ToElement(object? body) => body switch
    {
        JsonElement element => element,
        null => default,
        _ => JsonSerializer.SerializeToElement(body),
    };

    private static TimeSpan Backoff(int failures) => TimeSpan.FromMilliseconds(Math.Min(30_000, 200 * (1 << Math.Min(failures, 8))));

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Watch of SparkApplications in {Namespace} broke; resuming")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception, string @namespace);
}
