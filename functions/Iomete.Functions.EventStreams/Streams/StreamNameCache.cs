using System.Collections.Concurrent;
using Iomete.Platform.Data;

namespace Iomete.Functions.EventStreams.Streams;

/// <summary>
/// Lookups by (namespace, name) for the ingest path. An entry is reused only while this process made no change since it
/// was read (a local generation), no process on the data directory signalled a change (the embedded engine's change
/// signal, when there is one) and it is younger than <see cref="MaxAge"/> (writers in other replicas, or one that died
/// between its commit and its signal).
/// </summary>
internal sealed class StreamNameCache(IChangeSignal? signal, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(string Namespace, string Name), Entry> entries = new();
    private long generation;

    /// <summary>Taken before reading the database: a change committed after it makes the read unusable for others.</summary>
    public Ticket Begin() => new(Interlocked.Read(ref generation), signal?.Current ?? 0, clock.GetUtcNow());

    public bool TryGet(string @namespace, string name, Ticket ticket, out EventStream? stream)
    {
        if (entries.TryGetValue((@namespace, name), out var entry) && entry.Ticket.Generation == ticket.Generation &&
            entry.Ticket.Signal == ticket.Signal && ticket.At - entry.Ticket.At < MaxAge)
        {
            stream = entry.Stream;
            return true;
        }
        stream = null;
        return false;
    }

    /// <summary>Remembers a lookup (a miss too: unknown streams are asked for as often as known ones).</summary>
    public void Remember(string @namespace, string name, EventStream? stream, Ticket ticket)
    {
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }
        entries[(@namespace, name)] = new Entry(stream, ticket);
    }

    /// <summary>Call after committing a change to any stream.</summary>
    public void Changed()
    {
        Interlocked.Increment(ref generation);
        entries.Clear();
        signal?.Signal();
    }

    public readonly record struct Ticket(long Generation, long Signal, DateTimeOffset At);

    private sealed record Entry(EventStream? Stream, Ticket Ticket);
}
