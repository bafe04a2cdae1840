namespace Iomete.Functions.EventStreams.Ingest.Runtime;

/// <summary>A stream's counters since its pipeline started, with per-second buckets for rates over the last minute.</summary>
internal sealed class StreamCounters(TimeProvider time)
{
    private const int Window = 60;
    private readonly Lock gate = new();
    private readonly long[] eventBuckets = new long[Window];
    private readonly long[] byteBuckets = new long[Window];
    private readonly Queue<double> latencies = new();
    private readonly long startedSecond = time.GetUtcNow().ToUnixTimeSeconds();
    private long bucketSecond = time.GetUtcNow().ToUnixTimeSeconds();
    private long requests;
    private long events;
    private long bytes;
    private long commits;
    private long errors;
    private long rejectedRows;
    private long deadLetterRows;
    private long throttled;
    private long compactions;
    private long commitFailures;
    private double? lastLatencyMs;
    private DateTimeOffset? lastCommitAt;

    public void Accepted(int eventCount, long byteCount)
    {
        lock (gate)
        {
            Roll();
            var slot = (int)(bucketSecond % Window);
            eventBuckets[slot] += eventCount;
            byteBuckets[slot] += byteCount;
            requests++;
            events += eventCount;
            bytes += byteCount;
        }
    }

    public void Rows(int rejected, int deadLettered)
    {
        Interlocked.Add(ref rejectedRows, rejected);
        Interlocked.Add(ref deadLetterRows, deadLettered);
        Interlocked.Add(ref errors, rejected + deadLettered);
    }

    public void Failed() => Interlocked.Increment(ref errors);

    public void Throttled() => Interlocked.Increment(ref throttled);

    public void Compacted() => Interlocked.Increment(ref compactions);

    public void CommitFailed() => Interlocked.Increment(ref commitFailures);

    public void Committed(double ackToCommitMs)
    {
        lock (gate)
        {
            commits++;
            lastLatencyMs = ackToCommitMs;
            lastCommitAt = time.GetUtcNow();
            latencies.Enqueue(ackToCommitMs);
            if (latencies.Count > 200)
            {
                latencies.Dequeue();
            }
        }
    }

    public Streams.StreamMetrics Snapshot(long pendingEvents, long pendingBytes, IReadOnlyList<Streams.TableMetrics> tables)
    {
        lock (gate)
        {
            Roll();
            var seconds = Math.Clamp(bucketSecond - startedSecond + 1, 1, Window);
            var current = (int)(bucketSecond % Window);
            long recentEvents = 0;
            long recentBytes = 0;
            for (var i = 0; i < seconds; i++)
            {
                var slot = (current - i + Window) % Window;
                recentEvents += eventBuckets[slot];
                recentBytes += byteBuckets[slot];
            }
            var sorted = latencies.Order().ToList();
            return new Streams.StreamMetrics
            {
                EventsPerSecond = recentEvents / (double)seconds,
                BytesPerSecond = recentBytes / (double)seconds,
                RequestsTotal = requests,
                EventsTotal = events,
                BytesTotal = bytes,
                PendingEvents = pendingEvents,
                PendingBytes = pendingBytes,
                CommitsTotal = commits,
                LastCommitAt = lastCommitAt,
                LastCommitLatencyMs = lastLatencyMs,
                CommitLatencyP99Ms = sorted.Count == 0 ? null : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * 0.99) - 1)],
                ErrorsTotal = Interlocked.Read(ref errors),
                RejectedRowsTotal = Interlocked.Read(ref rejectedRows),
                DeadLetterRowsTotal = Interlocked.Read(ref deadLetterRows),
                ThrottledTotal = Interlocked.Read(ref throttled),
                CompactionsTotal = Interlocked.Read(ref compactions),
                CommitFailuresTotal = Interlocked.Read(ref commitFailures),
                Tables = tables,
            };
        }
    }

    /// <summary>Clears the buckets of the seconds that passed since the last event.</summary>
    private void Roll()
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        for (var s = bucketSecond + 1; s <= now && s <= bucketSecond + Window; s++)
        {
            eventBuckets[s % Window] = 0;
            byteBuckets[s % Window] = 0;
        }
        bucketSecond = Math.Max(bucketSecond, now);
    }
}
