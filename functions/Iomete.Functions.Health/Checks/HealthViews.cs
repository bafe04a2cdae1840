using Iomete.Functions.Health.History;
using Iomete.Functions.Health.Monitoring;

namespace Iomete.Functions.Health.Checks;

/// <summary>Every probed component under one outage metric.</summary>
/// <param name="Status">OUTAGE when any component is, OPERATIONAL when all are, NO_DATA before the first probe.</param>
public sealed record HealthCheckView(string Metric, HealthStatus Status, DateTimeOffset GeneratedAt, IReadOnlyList<ComponentHealthView> Components);

/// <summary>One component: its status now and its last 48 hours.</summary>
/// <param name="Name">The component (<c>metadata-db</c>, <c>object-storage</c>, <c>embedded-engine</c>, <c>workflows</c>,
/// <c>function-app:&lt;app id&gt;</c>, <c>kubernetes-api</c>, <c>spark-operator</c>, <c>dapr-sidecar</c>).</param>
/// <param name="Since">When the current status began (as first seen by a probe).</param>
/// <param name="Message">Why the last probe failed; null when it passed.</param>
/// <param name="Uptime">Percent of the observed time in the last 48 hours that was not failing; null without samples.</param>
/// <param name="Bars">48 hourly bars, oldest first; the last is the current hour.</param>
public sealed record ComponentHealthView(
    string Name,
    string DisplayName,
    HealthStatus Status,
    DateTimeOffset? Since,
    DateTimeOffset? CheckedAt,
    string? Message,
    double? Uptime,
    IReadOnlyList<HealthBar> Bars);

/// <summary>Builds the views from the monitor's current statuses and the history.</summary>
public sealed class HealthReport(HealthMonitor monitor, HealthHistory history, TimeProvider clock)
{
    public async Task<HealthCheckView> AllAsync(OutageMetric metric, CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        var now = clock.GetUtcNow();
        var components = monitor.Components.Select(p => View(p.Component, p.DisplayName, metric, now)).ToList();
        var overall = components.Any(c => c.Status == HealthStatus.Outage) ? HealthStatus.Outage
            : components.Any(c => c.Status == HealthStatus.Operational) ? HealthStatus.Operational
            : HealthStatus.NoData;
        return new HealthCheckView(metric.ToString(), overall, now, components);
    }

    public async Task<ComponentHealthView?> OneAsync(string component, OutageMetric metric, CancellationToken ct)
    {
        var probe = monitor.Components.FirstOrDefault(p => p.Component == component);
        if (probe is null)
        {
            return null;
        }
        await EnsureLoadedAsync(ct);
        return View(probe.Component, probe.DisplayName, metric, clock.GetUtcNow());
    }

    /// <summary>After a restart, the history and statuses come from the database before the first round has run.</summary>
    private async Task EnsureLoadedAsync(CancellationToken ct)
    {
        if (await history.TryLoadAsync(ct) is { } persisted)
        {
            monitor.Adopt(persisted);
        }
    }

    private ComponentHealthView View(string component, string displayName, OutageMetric metric, DateTimeOffset now)
    {
        var current = monitor.Current(component);
        var hours = history.For(component);
        return new ComponentHealthView(component, displayName, current?.Status ?? HealthStatus.NoData, current?.Since, current?.CheckedAt,
            current?.Message, HourlyBars.Uptime(hours, now), HourlyBars.Compute(hours, now, metric));
    }
}
