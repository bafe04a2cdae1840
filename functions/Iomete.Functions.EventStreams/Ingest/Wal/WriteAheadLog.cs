using System.Buffers;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Iomete.Functions.EventStreams.Ingest.Wal;

/// <summary>
/// A stream's write-ahead log: appends are grouped (one write and one fsync for every request waiting at that moment)
/// and complete only once durable, so an acknowledgement never outruns the disk. Records get increasing LSNs in file
/// order; <paramref name="onDurable"/> sees each group in that order before the appenders are released, which keeps
/// every table's queue in LSN order. Segments are preallocated; a segment is deleted once every record in it is
/// committed to its table (the keys it holds are handed to <see cref="Retire"/>'s caller first).
/// </summary>
internal sealed partial class WriteAheadLog : IAsyncDisposable
{
    private readonly string directory;
    private readonly long segmentBytes;
    private readonly Action<IReadOnlyList<WalEntry>> onDurable;
    private readonly ILogger logger;
    private readonly Channel<PendingAppend> appends = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock segmentsLock = new();
    private readonly List<WalSegment> segments = [];
    private readonly Thread writer;
    private SafeFileHandle? active;
    private long activeOffset;
    private long activeCapacity;
    private long nextLsn;
    private Exception? failure;

    private WriteAheadLog(string directory, long segmentBytes, long lastLsn, List<WalSegment> replayedSegments, Action<IReadOnlyList<WalEntry>> onDurable, ILogger logger)
    {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        this.onDurable = onDurable;
        this.logger = logger;
        nextLsn = lastLsn;
        segments.AddRange(replayedSegments);
        writer = new Thread(WriteLoop) { IsBackground = true, Name = "wal-writer" };
        writer.Start();
    }

    /// <summary>Opens (or creates) the log in <paramref name="directory"/>; <paramref name="replayed"/> gets every record still in it, in LSN order.</summary>
    public static WriteAheadLog Open(
        string directory, long segmentBytes, Action<IReadOnlyList<WalEntry>> onDurable, ILogger logger, out IReadOnlyList<WalEntry> replayed)
    {
        Directory.CreateDirectory(directory);
        var entries = new List<WalEntry>();
        var found = new List<WalSegment>();
        long lastLsn = 0;
        foreach (var path in Directory.GetFiles(directory, "*.wal").Order(StringComparer.Ordinal))
        {
            var first = long.Parse(Path.GetFileNameWithoutExtension(path), System.Globalization.CultureInfo.InvariantCulture);
            var segment = new WalSegment(path, first);
            ReadOnlyMemory<byte> data = File.ReadAllBytes(path);
            var offset = 0;
            while (WalCodec.TryRead(data[offset..], out var entry, out var consumed))
            {
                if (entry.Lsn <= lastLsn)
                {
                    break;
                }
                segment.Add(entry);
                entries.Add(entry);
                lastLsn = entry.Lsn;
                offset += consumed;
            }
            if (offset + WalCodec.HeaderBytes <= data.Length && data.Span.Slice(offset, WalCodec.HeaderBytes).IndexOfAnyExcept((byte)0) >= 0)
            {
                LogTornTail(logger, path, offset);
            }
            found.Add(segment);
        }
        replayed = entries;
        // Appends always go to a fresh segment: a replayed segment may end in a torn record, never written over.
        return new WriteAheadLog(directory, segmentBytes, lastLsn, found, onDurable, logger);
    }

    /// <summary>Appends and waits until the record is durable; returns it with its LSN.</summary>
    public Task<WalEntry> AppendAsync(WalEntry entry, CancellationToken ct)
    {
        if (failure is { } failed)
        {
            return Task.FromException<WalEntry>(new IOException("The write-ahead log failed; the stream must be restarted", failed));
        }
        var pending = new PendingAppend(entry);
        if (!appends.Writer.TryWrite(pending))
        {
            return Task.FromException<WalEntry>(new ObjectDisposedException(nameof(WriteAheadLog)));
        }
        // Cancelling the wait does not take the record back: it may still become durable, which an idempotent retry handles.
        return pending.Done.Task.WaitAsync(ct);
    }

    /// <summary>
    /// Deletes every closed segment whose records are all committed (<paramref name="committedUpTo"/> gives a table's
    /// committed LSN); <paramref name="persistKeys"/> receives a segment's idempotency keys before its file goes.
    /// </summary>
    public void Retire(Func<string, long> committedUpTo, Action<IReadOnlyList<IdempotencyRecord>> persistKeys)
    {
        List<WalSegment> done;
        lock (segmentsLock)
        {
            done = [];
            foreach (var segment in segments.Take(segments.Count - (active is null ? 0 : 1)))
            {
                if (segment.NewestByTable.All(p => committedUpTo(p.Key) >= p.Value))
                {
                    done.Add(segment);
                }
            }
        }
        if (done.Count == 0)
        {
            return;
        }
        foreach (var segment in done)
        {
            if (segment.Keys.Count > 0)
            {
                persistKeys(segment.Keys);
            }
            File.Delete(segment.Path);
        }
        DurableFiles.FlushDirectory(directory);
        lock (segmentsLock)
        {
            segments.RemoveAll(done.Contains);
        }
    }

    public int SegmentCount
    {
        get
        {
            lock (segmentsLock)
            {
                return segments.Count;
            }
        }
    }

    private void WriteLoop()
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        var batch = new List<PendingAppend>();
        var written = new List<WalEntry>();
        while (appends.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            written.Clear();
            buffer.ResetWrittenCount();
            while (batch.Count < 8192 && buffer.WrittenCount < (16 << 20) && appends.Reader.TryRead(out var next))
            {
                batch.Add(next);
                var entry = next.Entry with { Lsn = nextLsn + batch.Count };
                written.Add(entry);
                WalCodec.Write(buffer, entry);
            }
            try
            {
                if (failure is { } failed)
                {
                    throw new IOException("The write-ahead log failed earlier", failed);
                }
                WriteDurably(buffer.WrittenSpan, written);
                Interlocked.Exchange(ref nextLsn, nextLsn + batch.Count);
                onDurable(written);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(written[i]);
                }
            }
            catch (Exception e)
            {
                failure ??= e;
                LogWriteFailed(logger, e, directory);
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(new IOException("The write-ahead log could not store the request", e));
                }
            }
        }
        active?.Dispose();
    }

    private void WriteDurably(ReadOnlySpan<byte> bytes, List<WalEntry> entries)
    {
        if (active is null || activeOffset + bytes.Length > activeCapacity)
        {
            Roll(entries[0].Lsn, Math.Max(segmentBytes, bytes.Length + WalCodec.HeaderBytes));
        }
        RandomAccess.Write(active!, bytes, activeOffset);
        DurableFiles.FlushData(active!);
        activeOffset += bytes.Length;
        lock (segmentsLock)
        {
            var segment = segments[^1];
            foreach (var entry in entries)
            {
                segment.Add(entry);
            }
        }
    }

    private void Roll(long firstLsn, long capacity)
    {
        active?.Dispose();
        var path = Path.Combine(directory, WalSegment.FileName(firstLsn));
        active = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, FileOptions.None, capacity);
        activeOffset = 0;
        activeCapacity = capacity;
        DurableFiles.FlushDirectory(directory);
        lock (segmentsLock)
        {
            segments.Add(new WalSegment(path, firstLsn));
        }
    }

    public async ValueTask DisposeAsync()
    {
        appends.Writer.TryComplete();
        await Task.Run(writer.Join);
    }

    private sealed class PendingAppend(WalEntry entry)
    {
        public WalEntry Entry { get; } = entry;

        public TaskCompletionSource<WalEntry> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Write-ahead log segment {Path} ends in a torn record at offset {Offset}; replay stopped there")]
    private static partial void LogTornTail(ILogger logger, string path, int offset);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error, Message = "Write-ahead log in {Directory} failed; the stream refuses events until it is restarted")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string directory);
}
