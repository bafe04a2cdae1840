using System.Collections.Concurrent;

namespace Iomete.DurableTask.Sql.Backend;

/// <summary>Wakes waiters of an instance as soon as this process stores that it finished (others poll).</summary>
internal sealed class CompletionWaiters
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

    public Task Watch(string instanceId) =>
        _waiting.GetOrAdd(instanceId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Finished(string instanceId)
    {
        if (_waiting.TryRemove(instanceId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }
}
