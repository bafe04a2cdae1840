namespace Iomete.DurableTask.Sql.Backend;

/// <summary>
/// Wakes a poller when this process enqueued work, so it need not wait for its next poll. Take
/// <see cref="Current"/> before polling: a <see cref="Set"/> after that completes it.
/// </summary>
internal sealed class WorkSignal
{
    private TaskCompletionSource _next = New();

    public Task Current => Volatile.Read(ref _next).Task;

    public void Set() => Interlocked.Exchange(ref _next, New()).TrySetResult();

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
