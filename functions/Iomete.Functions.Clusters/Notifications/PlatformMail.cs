using System.Net.Http.Json;
using System.Text.Json;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Notifications;

/// <summary>What the core service did with a message: sent, or skipped because no SMTP configuration exists.</summary>
public sealed record MailOutcome(bool Sent, string? Skipped);

/// <summary>Sends mail through the core service's SMTP configuration (service invocation of <c>POST api/v1/internal/core/email</c>).</summary>
public sealed class PlatformMail(IServiceInvoker invoker, IOptions<InternalCallOptions> internalCalls)
{
    public const string CoreAppId = "core";

    /// <summary>The outcome; a refusal of the SMTP server or the core service is a 502 <see cref="ApiException"/>.</summary>
    public async Task<MailOutcome> SendAsync(IReadOnlyList<string> to, string subject, string text, string? html, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/v1/internal/core/email", UriKind.Relative))
        {
            Content = JsonContent.Create(new { to, subject, text, html }, options: Json.Options),
        };
        request.Headers.TryAddWithoutValidation(InternalCallOptions.Header, internalCalls.Value.AppApiToken
            ?? throw new InvalidOperationException($"{InternalCallOptions.Section}:AppApiToken is not set; mail cannot be sent"));
        using var response = await invoker.InvokeAsync(CoreAppId, request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new ApiException(502, ErrorCodes.BadGateway, "Mail not sent", $"The core service answered {(int)response.StatusCode}: {body}");
        }
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return new MailOutcome(root.GetProperty("sent").GetBoolean(),
            root.TryGetProperty("skipped", out var skipped) && skipped.ValueKind == JsonValueKind.String ? skipped.GetString() : null);
    }
}
