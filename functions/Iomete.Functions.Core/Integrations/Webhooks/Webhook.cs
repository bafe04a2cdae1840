namespace Iomete.Functions.Core.Integrations.Webhooks;

/// <summary>The payload format a webhook receives.</summary>
public enum WebhookKind
{
    /// <summary>JSON <c>{event, timestamp, data}</c>, signed with <c>X-Iomete-Signature</c> when a secret is set.</summary>
    Generic,
    /// <summary>A Slack incoming-webhook message <c>{"text": …}</c>.</summary>
    Slack,
}

/// <summary>A webhook as the API shows it; its secret is never returned.</summary>
public sealed record WebhookView(
    string Id,
    string Name,
    string Url,
    WebhookKind Kind,
    IReadOnlyList<string> Events,
    bool Enabled,
    bool SecretSet,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>
/// Create or replace a webhook. <c>secret</c> is write-only: on update, leave it out to keep the
/// stored one, or send an empty string to remove it. <c>events</c> are names such as
/// <c>spark-job.failed</c>, a family such as <c>spark-job.*</c>, or <c>*</c> for everything.
/// </summary>
public sealed record WebhookRequest(
    string? Name = null,
    string? Url = null,
    WebhookKind? Kind = null,
    string? Secret = null,
    IReadOnlyList<string?>? Events = null,
    bool? Enabled = null);

/// <summary>A checked webhook definition. <see cref="Secret"/> null with <see cref="KeepSecret"/> keeps the stored one.</summary>
public sealed record WebhookSpec(string Name, string Url, WebhookKind Kind, string? Secret, bool KeepSecret, IReadOnlyList<string> Events, bool Enabled);

/// <summary>Everything needed to deliver to a webhook, secret in clear.</summary>
public sealed record WebhookTarget(string Id, string Name, Uri Url, WebhookKind Kind, string? Secret);
