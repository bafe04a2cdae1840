using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Iomete.Functions.LocalHost.Adapters;
using Iomete.Platform.Functions;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.LocalHost.Hosting;

/// <summary>
/// The local stand-in for Dapr's declarative subscriptions: every <c>[TopicSubscription]</c> function receives the
/// events published on its topic, as a CloudEvent posted over loopback with the app API token, one at a time in
/// publish order. A failed delivery (non-2xx, or no answer) is retried a few times with back-off, then dropped and
/// logged, as Dapr's default resiliency does; a 404 is dropped at once (Dapr's "drop" answer).
/// </summary>
internal sealed partial class LocalSubscriptions(
    FunctionCatalog catalog,
    IServer server,
    IHttpClientFactory httpClients,
    IOptions<InternalCallOptions> internalCalls,
    IHostApplicationLifetime lifetime,
    ILogger<LocalSubscriptions> logger)
{
    public const int MaxAttempts = 4;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);

    /// <summary>Subscribes every subscription function to <paramref name="bus"/>; called before the bus delivers anything.</summary>
    public void AttachTo(InProcessEventBus bus)
    {
        foreach (var function in catalog.Functions)
        {
            if (function.Method.GetCustomAttribute<TopicSubscriptionAttribute>() is { } subscription)
            {
                bus.Subscribe(subscription.Topic, (payload, ct) => DeliverAsync(function, subscription, payload, ct));
            }
        }
    }

    private async Task DeliverAsync(FunctionDescriptor function, TopicSubscriptionAttribute subscription, object? payload, CancellationToken ct)
    {
        if (!await StartedAsync(ct))
        {
            return;
        }
        var body = Envelope(subscription, payload);
        var backoff = FirstBackoff;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                using var client = httpClients.CreateClient(nameof(LocalSubscriptions));
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress(), function.Route));
                request.Headers.Add(InternalCallOptions.Header, internalCalls.Value.AppApiToken);
                request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/cloudevents+json");
                using var response = await client.SendAsync(request, ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
                if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
                {
                    LogDropped(logger, subscription.Topic, function.Name, 404);
                    return;
                }
                LogAttemptFailed(logger, subscription.Topic, function.Name, attempt, (int)response.StatusCode);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && ex is HttpRequestException or IOException or TaskCanceledException)
            {
                if (lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    // The host is going down and took its endpoints with it: what was not delivered is not acknowledged.
                    return;
                }
                LogAttemptError(logger, ex, subscription.Topic, function.Name, attempt);
            }
            if (attempt < MaxAttempts)
            {
                await Task.Delay(backoff, ct);
                backoff *= 2;
            }
        }
        LogDropped(logger, subscription.Topic, function.Name, 0);
    }

    private static string Envelope(TopicSubscriptionAttribute subscription, object? payload) =>
        new JsonObject
        {
            ["specversion"] = CloudEvents.SpecVersion,
            ["id"] = Guid.NewGuid().ToString(),
            ["source"] = "iomete-local",
            ["type"] = CloudEvents.EventType,
            ["datacontenttype"] = "application/json",
            ["topic"] = subscription.Topic,
            ["pubsubname"] = subscription.PubSubName,
            ["time"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["data"] = JsonSerializer.SerializeToNode(payload, CloudEvents.DataOptions),
        }.ToJsonString();

    private Uri BaseAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                      ?? throw new InvalidOperationException("The local host is not listening.");
        return new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    private async Task<bool> StartedAsync(CancellationToken ct)
    {
        if (lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return true;
        }
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        try
        {
            await started.Task.WaitAsync(ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Delivery of a {Topic} event to {Function} failed (attempt {Attempt}): {Status}")]
    private static partial void LogAttemptFailed(ILogger logger, string topic, string function, int attempt, int status);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Delivery of a {Topic} event to {Function} failed (attempt {Attempt})")]
    private static partial void LogAttemptError(ILogger logger, Exception exception, string topic, string function, int attempt);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "A {Topic} event was dropped for {Function} (last status {Status}; 0 = retries exhausted)")]
    private static partial void LogDropped(ILogger logger, string topic, string function, int status);
}
