using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.Integrations.Email;

/// <summary>Where to send the test, and optionally unsaved settings to try (else the saved ones).</summary>
public sealed record EmailTestRequest(string? To = null, EmailSettingsRequest? Settings = null);

public sealed record EmailTestResult(bool Sent, string To, string Server);

public sealed class TestEmailSettings(ICallerAccessor callers, IAccessControl access, EmailSettingsStore store, SmtpMailer mailer)
{
    public const string Subject = "IOMETE Email Configuration Test";

    [Function("core-integrations-email-test")]
    [OpenApiOperation("Integrations", "Send a test email", Description = "Uses the given settings without saving them, or the saved configuration.")]
    [OpenApiRequestBody(typeof(EmailTestRequest))]
    [OpenApiResponse(200, typeof(EmailTestResult))]
    [OpenApiResponse(400)]
    [OpenApiResponse(502, Description = "The SMTP server refused or could not be reached; detail carries its message")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/integrations/email/test")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager);
        var body = await RequestBody.ReadAsync<EmailTestRequest>(request, ct);
        if (!EmailSettingsRules.IsEmail(body.To))
        {
            throw ValidationException.ForField("to", "is required: an email address");
        }
        var settings = body.Settings is not null
            ? EmailSettingsRules.Validate(body.Settings, "settings.")
            : await store.GetForSendingAsync(ct) ?? throw ValidationException.ForField("settings", "is required while no SMTP configuration is saved");

        await mailer.SendAsync(settings, body.To!, Subject,
            $"This is a test email from IOMETE, sent by {caller.Username} to check the SMTP configuration " +
            $"({settings.Host}:{settings.Port}, {settings.Security}). If you can read it, email notifications work.",
            ct);
        return ApiResults.Ok(new EmailTestResult(true, body.To!, $"{settings.Host}:{settings.Port}"));
    }
}
