using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Time;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Core.Integrations.Webhooks;

/// <summary>The outcome of one delivery the receiver accepted.</summary>
public sealed record WebhookDelivery(string DeliveryId, int Status, long ElapsedMs);

/// <summary>
/// Posts events to webhooks. GENERIC receivers get <c>{event, timestamp, data}</c> with
/// <c>X-Iomete-Signature: sha256=&lt;hex HMAC-SHA256 of the body&gt;</c> when a secret is set;
/// SLACK receivers get <c>{"text": …}</c>. A non-2xx answer, a timeout or a network error is a 502.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<CoreOptions> options, TimeProvider clock, IIdGenerator ids)
{
    public const string ClientName = "core-webhooks";
    public const string SignatureHeader = "X-Iomete-Signature";
    public const string EventHeader = "X-Iomete-Event";
    public const string DeliveryHeader = "X-Iomete-Delivery";

    public async Task<WebhookDelivery> SendAsync(WebhookTarget target, string eventName, object data, string slackText, CancellationToken ct)
    {
        var deliveryId = ids.NewId();
        var body = target.Kind == WebhookKind.Slack
            ? JsonSerializer.SerializeToUtf8Bytes(new { text = slackText }, Json.Options)
            : JsonSerializer.SerializeToUtf8Bytes(new { @event = eventName, timestamp = clock.GetUtcNow(), data }, Json.Options);
        using var message = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        message.Headers.UserAgent.Add(new ProductInfoHeaderValue("IOMETE-Webhooks", "1.0"));
        if (target.Kind == WebhookKind.Generic)
        {
            message.Headers.Add(EventHeader, eventName);
            message.Headers.Add(DeliveryHeader, deliveryId);
            if (target.Secret is not null)
            {
                message.Headers.Add(SignatureHeader, Sign(target.Secret, body));
            }
        }

        var timeout = options.Value.WebhookTimeout;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var client = clients.CreateClient(ClientName);
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            var status = (int)response.StatusCode;
            if (status is < 200 or > 299)
            {
                throw Failed(target, $"the receiver answered {status} {response.ReasonPhrase}".TrimEnd());
            }
            return new WebhookDelivery(deliveryId, status, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw Failed(target, $"no answer within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException ex)
        {
            throw Failed(target, $"the receiver could not be reached: {ex.Message}");
        }
    }

    /// <summary><c>sha256=</c> + lowercase hex HMAC-SHA256 of <paramref name="body"/> keyed with the UTF-8 secret.</summary>
    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static ApiException Failed(WebhookTarget target, string why) =>
        new(502, ErrorCodes.BadGateway, "Webhook delivery failed", $"Delivery to webhook '{target.Name}' ({target.Url}) failed: {why}.");
}
