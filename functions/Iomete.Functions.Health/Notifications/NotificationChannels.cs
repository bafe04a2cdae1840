using System.Net.Http.Json;
using Iomete.Platform.Http;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Health.Notifications;

/// <summary>Posts a change to one webhook URL as JSON (<see cref="HealthWebhookPayload"/>); throws unless it answers 2xx in time.</summary>
internal sealed class WebhookSender(IHttpClientFactory clients, IOptions<HealthNotificationOptions> options)
{
    public const string ClientName = "health-webhooks";
    public const string EventName = "health-status-changed";

    public async Task SendAsync(string url, HealthStatusChanged change, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.Value.WebhookTimeout);
        using var client = clients.CreateClient(ClientName);
        var payload = new HealthWebhookPayload(EventName, change.Component, change.PreviousStatus, change.Status, change.Message, change.At);
        using var response = await client.PostAsJsonAsync(new Uri(url), payload, Json.Options, deadline.Token);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The webhook answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }
    }
}

/// <summary>
/// Mails a change through the core service's SMTP configuration (service invocation of <c>POST api/v1/internal/core/email</c>
/// with the app token). Throws when the core service refuses; an unconfigured SMTP is not an error (nothing to retry).
/// </summary>
internal sealed class HealthMail(IServiceInvoker invoker, IOptions<InternalCallOptions> internalCalls)
{
    public const string CoreAppId = "core";
    public const string Route = "api/v1/internal/core/email";

    public async Task SendAsync(IReadOnlyList<string> to, HealthStatusChanged change, CancellationToken ct)
    {
        var subject = $"[IOMETE health] {change.Component} is {change.Status}";
        var text = $"""
            Component: {change.Component}
            Status: {change.Status} (was {change.PreviousStatus ?? "unknown"})
            At: {change.At:u}
            {(change.Message is null ? "" : "Message: " + change.Message)}
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Route, UriKind.Relative))
        {
            Content = JsonContent.Create(new { to, subject, text }, options: Json.Options),
        };
        request.Headers.TryAddWithoutValidation(InternalCallOptions.Header, internalCalls.Value.AppApiToken
            ?? throw new InvalidOperationException($"{InternalCallOptions.Section}:AppApiToken is not set; mail cannot be sent"));
        using var response = await invoker.InvokeAsync(CoreAppId, request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The core service answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}",
                null, response.StatusCode);
        }
    }
}
