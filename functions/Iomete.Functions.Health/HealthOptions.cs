using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Health;

/// <summary>How components are probed and how much is kept, section <c>Iomete:Health</c>.</summary>
public sealed class HealthOptions
{
    public const string Section = "Iomete:Health";

    /// <summary>The function app id probed when <see cref="FunctionApps"/> is empty: this process (the local host answers every app id).</summary>
    public const string LocalApp = "local";

    /// <summary>How long one probe may take before it counts as failed, so a slow component cannot delay the others.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>A failed probe is tried once more after this pause before it counts (no flapping on one lost packet).</summary>
    public TimeSpan ConfirmDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many probes run at once.</summary>
    [Range(1, 64)]
    public int MaxConcurrentProbes { get; set; } = 4;

    /// <summary>
    /// The function app ids to probe by service invocation of <c>healthz</c> (a cluster: core, identity, sql, ...).
    /// Empty: this process only (<see cref="LocalApp"/>).
    /// </summary>
    public string[] FunctionApps { get; set; } = [];

    /// <summary>The probe cadence a sample stands for when there is no previous round to measure from (the cron schedule, 10 s).</summary>
    public TimeSpan NominalInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a write of the history may take before it is kept for the next round.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(3);

    public IEnumerable<string> ProbedApps() =>
        FunctionApps.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.Ordinal).DefaultIfEmpty(LocalApp);
}

/// <summary>Status-change notifications (email, webhooks), section <c>Iomete:Health:Notifications</c>.</summary>
public sealed class HealthNotificationOptions
{
    public const string Section = "Iomete:Health:Notifications";

    /// <summary>At most one notification per component within this interval; the status it settles on is sent when it ends.</summary>
    public TimeSpan MinimumInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts per webhook or email (the first included).</summary>
    [Range(1, 10)]
    public int Attempts { get; set; } = 3;

    /// <summary>Pause before the second attempt; doubled for each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one webhook call may take.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Deliveries in flight at once, so one slow receiver holds one slot, not the queue.</summary>
    [Range(1, 64)]
    public int MaxConcurrentDeliveries { get; set; } = 4;

    /// <summary>Changes waiting for delivery; the oldest are dropped beyond this.</summary>
    [Range(10, 100_000)]
    public int QueueLimit { get; set; } = 1_000;
}
