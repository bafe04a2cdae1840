namespace Iomete.Functions.Health.Monitoring;

/// <summary>A component's status (now, or of an hourly bar). JSON: OPERATIONAL, OUTAGE, NO_DATA.</summary>
public enum HealthStatus
{
    Operational,
    Outage,
    NoData,
}

public static class HealthStatuses
{
    /// <summary>The wire name (<c>OPERATIONAL</c>, <c>OUTAGE</c>, <c>NO_DATA</c>), as in <c>HealthStatusChanged.Status</c>.</summary>
    public static string Name(this HealthStatus status) => status switch
    {
        HealthStatus.Operational => "OPERATIONAL",
        HealthStatus.Outage => "OUTAGE",
        HealthStatus.NoData => "NO_DATA",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static HealthStatus Parse(string name) => name switch
    {
        "OPERATIONAL" => HealthStatus.Operational,
        "OUTAGE" => HealthStatus.Outage,
        _ => HealthStatus.NoData,
    };
}

/// <summary>What is known now about a component: its status since when, why, and when it was last checked.</summary>
public sealed record ComponentStatus(string Component, HealthStatus Status, DateTimeOffset Since, DateTimeOffset CheckedAt, string? Message);
