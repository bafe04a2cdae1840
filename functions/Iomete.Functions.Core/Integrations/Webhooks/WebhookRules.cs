using System.Text.RegularExpressions;
using Iomete.Functions.Core.Common;

namespace Iomete.Functions.Core.Integrations.Webhooks;

internal static partial class WebhookRules
{
    public const int MaxNameLength = 128;
    public const int MaxUrlLength = 2048;
    public const int MaxSecretLength = 512;
    public const int MaxEvents = 100;

    [GeneratedRegex(@"^(\*|[a-z0-9]+([._-][a-z0-9]+)*(\.\*)?)$")]
    private static partial Regex EventName();

    public static WebhookSpec Validate(WebhookRequest request, bool isUpdate)
    {
        var errors = new FieldErrors();
        errors.Check(!string.IsNullOrWhiteSpace(request.Name) && request.Name.Length <= MaxNameLength && !request.Name.Any(char.IsControl),
            "name", $"is required: 1 to {MaxNameLength} characters");
        var urlOk = Uri.TryCreate(request.Url, UriKind.Absolute, out var url) &&
                    (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && url.Host.Length > 0;
        errors.Check(urlOk && request.Url!.Length <= MaxUrlLength, "url", "is required: an absolute http or https URL");
        errors.Check(request.Secret is null || request.Secret.Length <= MaxSecretLength, "secret", $"must be at most {MaxSecretLength} characters");
        var events = request.Events ?? [];
        errors.Check(events.Count is > 0 and <= MaxEvents, "events", $"must list 1 to {MaxEvents} event names (or \"*\")");
        for (var i = 0; i < events.Count; i++)
        {
            errors.Check(events[i] is { Length: <= 128 } e && EventName().IsMatch(e), $"events[{i}]",
                "must be an event name such as spark-job.failed, a family such as spark-job.*, or *");
        }
        errors.ThrowIfAny();
        var keep = isUpdate && request.Secret is null;
        return new WebhookSpec(request.Name!.Trim(), request.Url!, request.Kind ?? WebhookKind.Generic,
            string.IsNullOrEmpty(request.Secret) ? null : request.Secret, keep,
            events.Select(e => e!).Distinct(StringComparer.Ordinal).ToList(), request.Enabled ?? true);
    }
}
