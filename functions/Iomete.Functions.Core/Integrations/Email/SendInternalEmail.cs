using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.Core.Integrations.Email;

/// <summary>A message other services send through the platform's SMTP configuration.</summary>
public sealed record InternalEmailRequest(List<string>? To = null, string? Subject = null, string? Text = null, string? Html = null);

/// <summary><see cref="Sent"/> is false (with the reason) when no SMTP configuration is saved: nothing to retry.</summary>
public sealed record InternalEmailResult(bool Sent, int Recipients, string? Skipped);

/// <summary>
/// Mail for the platform's own services (job notifications, …), by service invocation with the internal app token:
/// the SMTP settings and their password stay in this service.
/// </summary>
public sealed partial class SendInternalEmail(ICallerAccessor callers, EmailSettingsStore store, SmtpMailer mailer, ILogger<SendInternalEmail> logger)
{
    public const string NotConfigured = "SMTP is not configured";

    [Function("core-internal-email-send")]
    [OpenApiOperation("Internal", "Send an email through the SMTP configuration (platform only)")]
    [OpenApiRequestBody(typeof(InternalEmailRequest))]
    [OpenApiResponse(200, typeof(InternalEmailResult))]
    [OpenApiResponse(400)]
    [OpenApiResponse(502, Description = "The SMTP server refused or could not be reached")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/internal/core/email")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        if (caller.UserId != "system" || !caller.IsSuperAdmin)
        {
            throw new ForbiddenException("Only the platform's internal calls may use this route.");
        }
        var body = await RequestBody.ReadAsync<InternalEmailRequest>(request, ct);
        if (body.To is not { Count: > 0 and <= 100 } || body.To.Any(t => !EmailSettingsRules.IsEmail(t)))
        {
            throw ValidationException.ForField("to", "must list 1-100 email addresses");
        }
        if (string.IsNullOrWhiteSpace(body.Subject) || body.Subject.Length > 998 || body.Subject.Contains('\n', StringComparison.Ordinal))
        {
            throw ValidationException.ForField("subject", "is required: one line of at most 998 characters");
        }
        if (body.Text is null)
        {
            throw ValidationException.ForField("text", "is required");
        }
        var settings = await store.GetForSendingAsync(ct);
        if (settings is null)
        {
            LogNotConfigured(logger, body.Subject, body.To.Count);
            return ApiResults.Ok(new InternalEmailResult(false, body.To.Count, NotConfigured));
        }
        await mailer.SendAsync(settings, body.To, body.Subject, body.Text, body.Html, ct);
        return ApiResults.Ok(new InternalEmailResult(true, body.To.Count, null));
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Email '{Subject}' to {Count} recipient(s) not sent: SMTP is not configured")]
    private static partial void LogNotConfigured(ILogger logger, string subject, int count);
}
