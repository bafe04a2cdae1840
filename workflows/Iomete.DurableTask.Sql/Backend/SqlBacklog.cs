namespace Iomete.DurableTask.Sql.Backend;

/// <summary>Work waiting in a task hub: what a scaler sizes workers on.</summary>
/// <param name="Orchestrations">Instances with at least one due message (each is one orchestration work item).</param>
/// <param name="Activities">Activity messages not yet completed, running ones included.</param>
public sealed record SqlBacklog(long Orchestrations, long Activities)
{
    public long Total => Orchestrations + Activities;
}
