using System.Threading.Channels;
using Iomete.Functions.Push.Log;

namespace Iomete.Functions.Push.Stream;

/// <summary>
/// One open stream as the hub sees it: a bounded queue of the events of its topics. A client too slow to keep up is
/// cut off (the queue completes) rather than slowing the others; it reconnects and catches up from the log.
/// </summary>
public sealed class PushConnection(IReadOnlySet<string> types, int capacity)
{
    private readonly Channel<PushEvent> queue = Channel.CreateBounded<PushEvent>(new BoundedChannelOptions(capacity)
    {
        SingleReader = true,
        SingleWriter = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public IReadOnlySet<string> Types => types;

    /// <summary>The hub's cursor when attached: events after it arrive through <see cref="Events"/>.</summary>
    public long Start { get; internal set; }

    public ChannelReader<PushEvent> Events => queue.Reader;

    /// <summary>True when the queue overflowed and the stream must end.</summary>
    public bool Overflowed { get; private set; }

    public bool Wants(PushEvent e) => types.Contains(e.Type);

    public void Offer(IReadOnlyList<PushEvent> batch)
    {
        foreach (var e in batch)
        {
            if (Wants(e) && !queue.Writer.TryWrite(e))
            {
                Overflowed = true;
                queue.Writer.TryComplete();
                return;
            }
        }
    }

    /// <summary>The replica is stopping: end the stream.</summary>
    public void Close() => queue.Writer.TryComplete();
}
