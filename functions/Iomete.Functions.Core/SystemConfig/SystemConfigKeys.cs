namespace Iomete.Functions.Core.SystemConfig;

/// <summary>The system-config keys the platform knows; read them through <see cref="ISystemConfig"/>.</summary>
public static class SystemConfigKeys
{
    /// <summary>Longest lifetime an access token may be given, in days.</summary>
    public const string AccessTokenLifetime = "access-token.lifetime";
    public const string AccessTokenWarningDays = "access-tokens.notifications.warning";
    public const string AccessTokenCriticalDays = "access-tokens.notifications.critical";
    public const string ServiceAvailabilityDashboardUrl = "external-grafana.service-availability.dashboard-url";
    public const string AlertingRulesDashboardUrl = "external-grafana.alerting-rules.dashboard-url";
    public const string JobMetricsDashboardUrl = "spark-application.job.metrics-dashboard-url";

    internal static readonly IReadOnlyList<SystemConfigKey> All =
    [
        new(AccessTokenLifetime, SystemConfigType.Int, "365",
            "Maximum lifetime of an access token, in days.", Min: 1, Max: 36500),
        new(AccessTokenWarningDays, SystemConfigType.Int, "0",
            "Days before expiry when token owners get a warning email; 0 turns the notice off.", Min: 0, Max: 3650),
        new(AccessTokenCriticalDays, SystemConfigType.Int, "0",
            "Days before expiry when token owners get a critical email; 0 turns the notice off.", Min: 0, Max: 3650),
        new(ServiceAvailabilityDashboardUrl, SystemConfigType.Url, "/monitoring/d/serv-avail/iomete-service-availability",
            "Grafana dashboard the console links for service availability."),
        new(AlertingRulesDashboardUrl, SystemConfigType.Url, "/monitoring/alerting/list",
            "Grafana page the console links for alerting rules."),
        new(JobMetricsDashboardUrl, SystemConfigType.Url, "",
            "Dashboard the console links from a Spark job run's metrics; empty hides the link."),
    ];

    internal static SystemConfigKey? Find(string key) => All.FirstOrDefault(k => k.Key == key);
}

/// <summary>How a system-config value is written and checked.</summary>
public enum SystemConfigType
{
    Int,
    Bool,
    /// <summary>A number with a unit: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>2h</c>, <c>7d</c>.</summary>
    Duration,
    String,
    /// <summary>An absolute http(s) URL or a path on this host starting with '/'; may be empty.</summary>
    Url,
}

public sealed record SystemConfigKey(string Key, SystemConfigType Type, string Default, string Description, long? Min = null, long? Max = null);
