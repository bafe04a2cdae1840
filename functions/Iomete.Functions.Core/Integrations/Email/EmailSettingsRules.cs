using Iomete.Functions.Core.Common;
using MimeKit;

namespace Iomete.Functions.Core.Integrations.Email;

internal static class EmailSettingsRules
{
    public static SmtpSettings Validate(EmailSettingsRequest request, string prefix = "")
    {
        var errors = new FieldErrors();
        errors.Check(!string.IsNullOrEmpty(request.Host) && request.Host.Length <= 253 && Uri.CheckHostName(request.Host) != UriHostNameType.Unknown,
            prefix + "host", "is required: a host name or IP address");
        errors.Check(request.Port is >= 1 and <= 65535, prefix + "port", "is required: a port from 1 to 65535 (587 STARTTLS, 465 SSL/TLS, 25 plain)");
        errors.Check(request.Security is not null, prefix + "security", "is required: STARTTLS, SSL_TLS or NONE");
        var security = request.Security ?? SmtpSecurity.Starttls;
        // An encrypted connection exists to protect credentials: IOMETE always authenticates over one.
        var requireAuth = security != SmtpSecurity.None || request.RequireAuth == true;
        if (requireAuth && request.Security is not null)
        {
            errors.Check(!string.IsNullOrEmpty(request.Username) && request.Username.Length <= 320, prefix + "username", "is required when authentication is on");
            errors.Check(!string.IsNullOrEmpty(request.Password) && request.Password.Length <= 1024, prefix + "password", "is required when authentication is on (it is never read back, so send it on every save)");
        }
        errors.Check(IsEmail(request.SenderEmail), prefix + "senderEmail", "is required: an email address");
        errors.Check(request.SenderName is null || request.SenderName.Length <= 256, prefix + "senderName", "must be at most 256 characters");
        errors.ThrowIfAny();
        return new SmtpSettings(request.Host!, request.Port!.Value, security, requireAuth,
            requireAuth ? request.Username : null, requireAuth ? request.Password : null,
            request.SenderEmail!, string.IsNullOrWhiteSpace(request.SenderName) ? null : request.SenderName);
    }

    public static bool IsEmail(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= 320 &&
        MailboxAddress.TryParse(text, out var mailbox) && mailbox.Address == text && text.Contains('@', StringComparison.Ordinal);
}
