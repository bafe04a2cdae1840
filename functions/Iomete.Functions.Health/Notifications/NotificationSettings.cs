namespace Iomete.Functions.Health.Notifications;

/// <summary>Who is told about status changes: email recipients (through the core service's SMTP) and webhook URLs.</summary>
public sealed record NotificationSettings(IReadOnlyList<string> Emails, IReadOnlyList<string> Webhooks, DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    public static NotificationSettings None { get; } = new([], [], null, null);
}

/// <summary>The body of <c>PUT /api/v1/admin/health-check/notifications</c>: both lists replace the saved ones.</summary>
public sealed record NotificationSettingsRequest(List<string>? Emails = null, List<string>? Webhooks = null);

/// <param name="MinimumIntervalSeconds">At most one notification per component within this many seconds (<c>Iomete:Health:Notifications:MinimumInterval</c>).</param>
public sealed record NotificationSettingsView(
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Webhooks,
    int MinimumIntervalSeconds,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy);

/// <summary>What a webhook receives (POST, JSON) when a component's status changes.</summary>
/// <param name="Event">Always <c>health-status-changed</c>.</param>
public sealed record HealthWebhookPayload(string Event, string Component, string? PreviousStatus, string Status, string? Message, DateTimeOffset At);
