using System.Net.Mail;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Health.Notifications;

/// <summary>Validation of the notification settings: real email addresses, absolute http(s) webhook URLs, bounded lists.</summary>
internal static class NotificationRules
{
    public const int MaxEmails = 50;
    public const int MaxWebhooks = 10;
    public const int MaxUrlLength = 2048;

    public static (List<string> Emails, List<string> Webhooks) Validate(NotificationSettingsRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var emails = (request.Emails ?? []).Select(e => e?.Trim() ?? "").Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var webhooks = (request.Webhooks ?? []).Select(w => w?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (emails.Count > MaxEmails)
        {
            errors["emails"] = [$"must list at most {MaxEmails} addresses"];
        }
        else if (emails.FirstOrDefault(e => !IsEmail(e)) is { } badEmail)
        {
            errors["emails"] = [$"'{badEmail}' is not an email address"];
        }
        if (webhooks.Count > MaxWebhooks)
        {
            errors["webhooks"] = [$"must list at most {MaxWebhooks} URLs"];
        }
        else if (webhooks.FirstOrDefault(w => !IsWebhookUrl(w)) is { } badUrl)
        {
            errors["webhooks"] = [$"'{(badUrl.Length > 100 ? badUrl[..100] + "…" : badUrl)}' is not an absolute http or https URL of at most {MaxUrlLength} characters"];
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}")), errors);
        }
        return (emails, webhooks);
    }

    public static bool IsEmail(string text) =>
        text.Length is > 0 and <= 320 && MailAddress.TryCreate(text, out var address) && address.Address == text && string.IsNullOrEmpty(address.DisplayName);

    public static bool IsWebhookUrl(string text) =>
        text.Length is > 0 and <= MaxUrlLength
        && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}
