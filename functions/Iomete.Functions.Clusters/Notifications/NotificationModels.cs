using System.ComponentModel.DataAnnotations;
using ValidationException = Iomete.Platform.Errors.ValidationException;

namespace Iomete.Functions.Clusters.Notifications;

/// <summary>The run outcomes a recipient can be told about (IOMETE's On Success, On Failure, …).</summary>
public enum NotificationEvent
{
    OnSuccess,
    OnFailure,
    OnAbort,
    OnStartupTimeout,
    OnExecutionTimeout,
}

/// <summary>One recipient of a job's notifications and the events they get.</summary>
public sealed record NotificationView(
    string Id, string JobId, string Email, IReadOnlyList<NotificationEvent> Events,
    string CreatedBy, DateTimeOffset CreatedAt, string UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>A new subscription; one per (job, email).</summary>
public sealed record CreateNotificationRequest([property: Required] string? Email = null, [property: Required] List<NotificationEvent>? Events = null);

/// <summary>The subscription's new recipient and events (both replace the old ones).</summary>
public sealed record UpdateNotificationRequest([property: Required] string? Email = null, [property: Required] List<NotificationEvent>? Events = null);

/// <summary>How long to silence a job's notifications: 15m, 30m, 1h, 2h, 4h, 8h, 12h, 1d, 2d or 1w.</summary>
public sealed record SilenceRequest([property: Required] string? Duration = null);

/// <summary>A job's silence; <see cref="SilencedUntil"/> is null when notifications are on.</summary>
public sealed record SilenceView(string JobId, DateTimeOffset? SilencedUntil, string? Duration, string? SilencedBy);

public static class NotificationRules
{
    public static readonly IReadOnlyDictionary<string, TimeSpan> Durations = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
    {
        ["15m"] = TimeSpan.FromMinutes(15), ["30m"] = TimeSpan.FromMinutes(30), ["1h"] = TimeSpan.FromHours(1),
        ["2h"] = TimeSpan.FromHours(2), ["4h"] = TimeSpan.FromHours(4), ["8h"] = TimeSpan.FromHours(8),
        ["12h"] = TimeSpan.FromHours(12), ["1d"] = TimeSpan.FromDays(1), ["2d"] = TimeSpan.FromDays(2), ["1w"] = TimeSpan.FromDays(7),
    };

    public static string RequireEmail(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        if (trimmed.Length is 0 or > 320 || !System.Net.Mail.MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed)
        {
            throw ValidationException.ForField("email", "must be an email address");
        }
        return trimmed.ToLowerInvariant();
    }

    public static IReadOnlyList<NotificationEvent> RequireEvents(List<NotificationEvent>? events)
    {
        if (events is null || events.Count == 0)
        {
            throw ValidationException.ForField("events", "must name at least one of ON_SUCCESS, ON_FAILURE, ON_ABORT, ON_STARTUP_TIMEOUT, ON_EXECUTION_TIMEOUT");
        }
        return events.Distinct().Order().ToList();
    }

    public static TimeSpan RequireDuration(string? duration) =>
        duration is not null && Durations.TryGetValue(duration, out var span)
            ? span
            : throw ValidationException.ForField("duration", $"must be one of {string.Join(", ", Durations.Keys)}");
}
