using Iomete.Functions.Maintenance.Settings;
using Iomete.Platform.Messaging;

namespace Iomete.Functions.Maintenance.Runs;

/// <summary>Publishes <see cref="MaintenanceRunStateChanged"/> on <see cref="PlatformTopics.Maintenance"/> after each recorded state change.</summary>
public sealed class RunEvents(IEventBus bus, TimeProvider clock)
{
    public Task PublishAsync(MaintenanceRun run, MaintenanceRunState? previous, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        return bus.PublishAsync(PlatformTopics.Maintenance, new MaintenanceRunStateChanged(
            run.Domain,
            run.Id,
            run.Catalog,
            [run.Database],
            run.Table,
            run.Operation.Name(),
            previous is { } p ? RunRow.Stored(p) : null,
            RunRow.Stored(run.State),
            run.Reason,
            clock.GetUtcNow()), ct);
    }
}
