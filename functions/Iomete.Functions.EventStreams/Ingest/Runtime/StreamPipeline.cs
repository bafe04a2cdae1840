using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Iomete.Engine.Catalogs;
using Iomete.Functions.EventStreams.Ingest.Commit;
using Iomete.Functions.EventStreams.Ingest.Rows;
using Iomete.Functions.EventStreams.Ingest.Wal;
using Iomete.Functions.EventStreams.Streams;
using Iomete.Iceberg.IO;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.EventStreams.Ingest.Runtime;

/// <summary>
/// One running stream: its write-ahead log, its idempotency keys, one committer per table, its counters. A request is
/// checked (state, key, backpressure), normalized, appended to the log and acknowledged once the log is durable; the
/// log hands every durable record to its tables' committers in LSN order.
/// </summary>
internal sealed partial class StreamPipeline : IAsyncDisposable
{
    private const long SegmentBytes = 64L << 20;
    private readonly string directory;
    private readonly EventStreamsOptions options;
    private readonly ILakehouseCatalog catalog;
    private readonly TableFileIO io;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<string, TableCommitter> committers = new(StringComparer.Ordinal);
    private readonly Lock retireGate = new();
    private CommitContext? context;
    private Checkpoints? checkpoints;
    private IdempotencyIndex? keys;
    private WriteAheadLog? wal;
    private volatile EventStream stream;
    private volatile PipelineState state = PipelineState.Starting;
    private long inFlightBytes;
    private long pendingBytes;

    public StreamPipeline(EventStream stream, string directory, EventStreamsOptions options, ILakehouseCatalog catalog, TableFileIO io, TimeProvider time, ILogger logger)
    {
        this.stream = stream;
        this.directory = directory;
        this.options = options;
        this.catalog = catalog;
        this.io = io;
        this.time = time;
        this.logger = logger;
        Counters = new StreamCounters(time);
    }

    public EventStream Stream => stream;

    public PipelineState State => state;

    public StreamCounters Counters { get; }

    /// <summary>The start under way or done (recovery, then ACTIVE in the store), set by the runtime.</summary>
    public Task Started { get; set; } = Task.CompletedTask;

    public void Reconfigure(EventStream updated) => stream = updated;

    /// <summary>Recovers the log (its records go back to their committers, its keys to the index), then accepts events.</summary>
    public Task StartAsync(CancellationToken ct)
    {
        var scratch = Path.Combine(directory, "scratch");
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
        Directory.CreateDirectory(scratch);
        checkpoints = new Checkpoints(directory);
        keys = new IdempotencyIndex(directory, options.IdempotencyWindow, options.MaxIdempotencyKeys, time);
        context = new CommitContext(stream.Id, LogIdentity.OpenOrCreate(directory), () => stream.Settings, catalog, io, scratch, time, Counters, logger);
        wal = WriteAheadLog.Open(Path.Combine(directory, "wal"), SegmentBytes, OnDurable, logger, out var replayed);
        foreach (var entry in replayed)
        {
            Dispatch(entry);
        }
        LogRecovered(logger, stream.Name, replayed.Count, replayed.Sum(e => (long)e.RowCount), keys.Count);
        ct.ThrowIfCancellationRequested();
        state = PipelineState.Active;
        return Task.CompletedTask;
    }

    public async Task<IngestResponse> IngestAsync(IngestRequest request, CancellationToken ct)
    {
        if (state != PipelineState.Active)
        {
            throw IngestErrors.NotRunning(stream.Name, state == PipelineState.Draining);
        }
        var table = request.Shape.Table.ToString();
        var settings = stream.Settings;
        byte[]? fingerprint = null;
        if (request.IdempotencyKey is { } key)
        {
            fingerprint = Fingerprint(table, request.Body.Span);
            if (!keys!.TryClaim(key, out var known))
            {
                throw IngestErrors.KeyInFlight(key);
            }
            if (known is not null)
            {
                if (!known.Fingerprint.AsSpan().SequenceEqual(fingerprint))
                {
                    throw IngestErrors.KeyReused(key);
                }
                return new IngestResponse(known.RequestId, known.Events, known.DeadLettered, Replayed: true, []);
            }
        }
        try
        {
            CheckBackpressure(table, request.Body.Length, settings);
            var normalized = RowNormalizer.Normalize(request.Body.Span, request.Ndjson, request.Shape, settings.InvalidRows, time.GetUtcNow().ToUnixTimeMilliseconds() * 1000);
            if (normalized.Malformed is { } malformed)
            {
                Counters.Failed();
                throw new Platform.Errors.ValidationException(malformed);
            }
            if (normalized.InvalidCount > 0 && settings.InvalidRows == InvalidRowPolicy.Reject)
            {
                Counters.Rows(normalized.InvalidCount, 0);
                throw IngestErrors.Rows(normalized);
            }
            var requestId = Guid.CreateVersion7().ToString("N");
            if (normalized.RowCount == 0 && normalized.DeadLetterCount == 0)
            {
                if (request.IdempotencyKey is { } empty)
                {
                    keys!.Release(empty);
                }
                return new IngestResponse(requestId, 0, 0, Replayed: false, []);
            }
            var entry = new WalEntry
            {
                AckTimeMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
                RequestId = requestId,
                Table = table,
                Rows = normalized.Rows,
                RowCount = normalized.RowCount,
                DeadLetterTable = normalized.DeadLetterCount > 0 ? TableSetup.DeadLetterOf(request.Shape.Table).ToString() : null,
                DeadLetterRows = normalized.DeadLetterRows,
                DeadLetterCount = normalized.DeadLetterCount,
                IdempotencyKey = request.IdempotencyKey,
                Fingerprint = fingerprint ?? default(ReadOnlyMemory<byte>),
            };
            Interlocked.Add(ref inFlightBytes, entry.PayloadBytes);
            try
            {
                await wal!.AppendAsync(entry, ct);
            }
            catch (ObjectDisposedException)
            {
                // The log closed between the state check and the append: the stream is draining.
                throw IngestErrors.NotRunning(stream.Name, draining: true);
            }
            finally
            {
                Interlocked.Add(ref inFlightBytes, -entry.PayloadBytes);
            }
            Counters.Accepted(normalized.RowCount, request.Body.Length);
            Counters.Rows(0, normalized.DeadLetterCount);
            return new IngestResponse(requestId, normalized.RowCount, normalized.DeadLetterCount, Replayed: false, normalized.Errors);
        }
        catch
        {
            if (request.IdempotencyKey is { } claimed)
            {
                keys!.Release(claimed);
            }
            throw;
        }
    }

    public StreamMetrics Metrics()
    {
        var tables = committers.Values
            .Select(c => new TableMetrics(c.Table.ToString(), c.PendingBytes, c.Compaction.Count, c.LastCommitAt, c.LastSnapshotId))
            .OrderBy(t => t.Table, StringComparer.Ordinal)
            .ToList();
        return Counters.Snapshot(committers.Values.Sum(c => c.PendingEvents), committers.Values.Sum(c => c.PendingBytes), tables);
    }

    /// <summary>Refuses new events, lets the log finish what it holds, then commits everything to the tables (up to <paramref name="ct"/>).</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        if (state is PipelineState.Stopped)
        {
            return;
        }
        state = PipelineState.Draining;
        if (wal is not null)
        {
            await wal.DisposeAsync();
        }
        await Task.WhenAll(committers.Values.Select(c => c.DrainAsync(ct)));
        Retire();
        state = PipelineState.Stopped;
        LogStopped(logger, stream.Name, committers.Values.Sum(c => c.PendingEvents));
    }

    public async ValueTask DisposeAsync()
    {
        state = PipelineState.Stopped;
        if (wal is not null)
        {
            await wal.DisposeAsync();
        }
        foreach (var committer in committers.Values)
        {
            await committer.DisposeAsync();
        }
        keys?.Dispose();
    }

    private void CheckBackpressure(string table, int requestBytes, EventStreamSettings settings)
    {
        var pending = Interlocked.Read(ref pendingBytes) + Interlocked.Read(ref inFlightBytes);
        var retryAfter = Math.Max(1, settings.CommitIntervalMs / 1000);
        if (pending + requestBytes > settings.MaxPendingBytes)
        {
            Counters.Throttled();
            throw IngestErrors.Busy(stream.Name, $"{pending} bytes wait for their commit, the limit is {settings.MaxPendingBytes}", retryAfter);
        }
        if (committers.TryGetValue(table, out var committer) && committer.Compaction.Count > settings.MaxPendingFilesPerTable)
        {
            Counters.Throttled();
            throw IngestErrors.Busy(stream.Name, $"{committer.Compaction.Count} small files of {table} wait for compaction", retryAfter);
        }
    }

    /// <summary>Runs on the log's writer, in LSN order, before the appenders are released.</summary>
    private void OnDurable(IReadOnlyList<WalEntry> entries)
    {
        foreach (var entry in entries)
        {
            Dispatch(entry);
        }
    }

    private void Dispatch(WalEntry entry)
    {
        Interlocked.Add(ref pendingBytes, entry.PayloadBytes);
        if (entry.RowCount > 0)
        {
            Committer(entry.Table, deadLetter: false).Enqueue(new QueuedPart(entry.Lsn, entry.Rows, entry.RowCount, entry.AckTimeMs));
        }
        if (entry.DeadLetterCount > 0 && entry.DeadLetterTable is { } deadLetter)
        {
            Committer(deadLetter, deadLetter: true).Enqueue(new QueuedPart(entry.Lsn, entry.DeadLetterRows, entry.DeadLetterCount, entry.AckTimeMs));
        }
        if (IdempotencyRecord.From(entry) is { } record)
        {
            keys!.Complete(record);
        }
    }

    private TableCommitter Committer(string table, bool deadLetter) =>
        committers.GetOrAdd(table, name => new TableCommitter(context!, Parse(name), deadLetter, checkpoints!.Of(name), OnCommitted));

    /// <summary>After a commit of <paramref name="bytes"/> of queued rows (skipped ones included): checkpoint, retire log segments.</summary>
    private void OnCommitted(TableCommitter committer, long bytes)
    {
        Interlocked.Add(ref pendingBytes, -bytes);
        checkpoints!.Save(committer.Table.ToString(), committer.CommittedLsn);
        Retire();
    }

    private void Retire()
    {
        lock (retireGate)
        {
            wal?.Retire(table => committers.TryGetValue(table, out var c) ? c.CommittedLsn : -1, keys!.Persist);
        }
    }

    private static TableIdent Parse(string table)
    {
        var parts = table.Split('.');
        return new TableIdent(parts[0], parts[1], string.Join('.', parts[2..]));
    }

    private static byte[] Fingerprint(string table, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(table));
        hash.AppendData(body);
        return hash.GetHashAndReset();
    }

    [LoggerMessage(EventId = 5121, Level = LogLevel.Information, Message = "Event stream {Stream} recovered {Records} log records ({Events} events) and {Keys} idempotency keys")]
    private static partial void LogRecovered(ILogger logger, string stream, int records, long events, int keys);

    [LoggerMessage(EventId = 5122, Level = LogLevel.Information, Message = "Event stream {Stream} stopped; {Pending} acknowledged events were left in its log")]
    private static partial void LogStopped(ILogger logger, string stream, long pending);
}

internal enum PipelineState
{
    Starting,
    Active,
    Draining,
    Stopped,
}
