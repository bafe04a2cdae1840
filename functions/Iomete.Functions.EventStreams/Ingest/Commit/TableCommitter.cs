using System.Collections.Concurrent;
using DuckDB.NET.Data;
using Iomete.Engine.Catalogs;
using Iomete.Engine.DuckDb;
using Iomete.Engine.Writes;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Writes;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.EventStreams.Ingest.Commit;

/// <summary>
/// Commits one table's share of a stream: parts arrive in LSN order; a batch commits when it reaches the stream's
/// byte limit or its oldest part reaches the commit interval, whichever comes first. Every commit carries the batch's
/// newest LSN in its snapshot summary; before (re)trying, the table is checked for it, so an answer lost to a crash
/// or a timeout never lands the batch twice. Failures retry with backoff until the commit lands or the stream stops
/// (the parts stay in the write-ahead log either way).
/// </summary>
internal sealed partial class TableCommitter : IAsyncDisposable
{
    private readonly CommitContext context;
    private readonly ConcurrentQueue<QueuedPart> queue = new();
    private readonly SemaphoreSlim wake = new(0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Action<TableCommitter, long> committed;
    private readonly long checkpointLsn;
    private readonly Task loop;
    private const int ExpireEveryCommits = 100;
    private Task? maintenance;
    private int commitsSinceExpiry;
    private long pendingBytes;
    private long pendingEvents;
    private long committedLsn = -1;
    private volatile bool draining;

    public TableCommitter(CommitContext context, TableIdent table, bool deadLetter, long checkpointLsn, Action<TableCommitter, long> committed)
    {
        this.context = context;
        this.checkpointLsn = checkpointLsn;
        this.committed = committed;
        Table = table;
        DeadLetter = deadLetter;
        Compaction = new CompactionTracker();
        loop = Task.Run(RunAsync);
    }

    public TableIdent Table { get; }

    public bool DeadLetter { get; }

    public CompactionTracker Compaction { get; }

    /// <summary>Newest LSN known to be in the table (-1 until the table was checked after start).</summary>
    public long CommittedLsn => Interlocked.Read(ref committedLsn);

    public long PendingBytes => Interlocked.Read(ref pendingBytes);

    public long PendingEvents => Interlocked.Read(ref pendingEvents);

    public DateTimeOffset? LastCommitAt { get; private set; }

    public long? LastSnapshotId { get; private set; }

    /// <summary>Called in LSN order (by the log's writer) for every acknowledged part of this table.</summary>
    public void Enqueue(QueuedPart part)
    {
        queue.Enqueue(part);
        Interlocked.Add(ref pendingEvents, part.Count);
        if (Interlocked.Add(ref pendingBytes, part.Bytes) >= context.Settings.CommitMaxBytes)
        {
            wake.Release();
        }
    }

    /// <summary>Commits everything queued, then ends the loop; gives up (leaving the rest in the log) when <paramref name="ct"/> fires.</summary>
    public async Task DrainAsync(CancellationToken ct)
    {
        draining = true;
        wake.Release();
        try
        {
            await loop.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            await stopping.CancelAsync();
            await loop.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        wake.Release();
        await loop.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        stopping.Dispose();
        wake.Dispose();
    }

    private async Task RunAsync()
    {
        var ct = stopping.Token;
        DuckDBConnection? connection = null;
        try
        {
            await InitializeAsync(ct);
            connection = await EngineConnections.OpenInMemoryAsync(ct);
            while (!ct.IsCancellationRequested)
            {
                if (!queue.TryPeek(out var oldest))
                {
                    if (draining)
                    {
                        return;
                    }
                    await wake.WaitAsync(TimeSpan.FromMilliseconds(context.Settings.CommitIntervalMs), ct);
                    continue;
                }
                var due = oldest.AckTimeMs + context.Settings.CommitIntervalMs - context.NowMs;
                if (due > 0 && !draining && PendingBytes < context.Settings.CommitMaxBytes)
                {
                    await wake.WaitAsync(TimeSpan.FromMilliseconds(due), ct);
                    continue;
                }
                await CommitBatchAsync(connection, TakeBatch(), ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogLoopFailed(context.Logger, e, Table.ToString());
        }
        finally
        {
            if (maintenance is not null)
            {
                await maintenance.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>Learns which LSN the table already holds (summary of its snapshots, or the local checkpoint if newer).</summary>
    private async Task InitializeAsync(CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var table = await context.Catalog.LoadTableAsync(Table, ct);
                var fromTable = table is null ? 0 : StreamSummary.CommittedLsn(table.Metadata, context.LogId);
                Interlocked.Exchange(ref committedLsn, Math.Max(fromTable, checkpointLsn));
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogInitFailed(context.Logger, e, Table.ToString());
                await Task.Delay(Backoff(attempt), ct);
            }
        }
    }

    private List<QueuedPart> TakeBatch()
    {
        var batch = new List<QueuedPart>();
        long bytes = 0;
        var max = context.Settings.CommitMaxBytes;
        while ((batch.Count == 0 || bytes < max) && queue.TryPeek(out var next) && (batch.Count == 0 || bytes + next.Bytes <= max))
        {
            queue.TryDequeue(out _);
            batch.Add(next);
            bytes += next.Bytes;
        }
        return batch;
    }

    private async Task CommitBatchAsync(DuckDBConnection connection, List<QueuedPart> batch, CancellationToken ct)
    {
        var known = CommittedLsn;
        var fresh = batch.Where(p => p.Lsn > known).ToList();
        var lastLsn = batch[^1].Lsn;
        var writeId = $"{context.StreamId}-{context.LogId[..8]}-{lastLsn}";
        var started = context.NowMs;
        IReadOnlyList<DataFile>? files = null;
        long? snapshotId = null;
        double writeMs = 0;
        for (var attempt = 0; fresh.Count > 0; attempt++)
        {
            try
            {
                var table = await TableSetup.PrepareAsync(context.Catalog, Table, DeadLetter, ct)
                    ?? throw new CatalogNotFoundException($"Table '{Table}' does not exist (dropped?); its acknowledged events wait in the stream's log");
                var landed = StreamSummary.CommittedLsn(table.Metadata, context.LogId);
                if (landed >= lastLsn)
                {
                    break;
                }
                if (files is null)
                {
                    var writing = System.Diagnostics.Stopwatch.GetTimestamp();
                    files = await WriteFilesAsync(connection, table, fresh, writeId, ct);
                    writeMs = System.Diagnostics.Stopwatch.GetElapsedTime(writing).TotalMilliseconds;
                }
                var commit = await new AppendFiles(context.Io).PrepareAsync(table.Metadata, files, null, ct,
                    StreamSummary.For(context.StreamId, context.LogId, lastLsn, writeId));
                try
                {
                    await context.Catalog.CommitAsync(Table, commit.Requirements, commit.Updates, ct);
                    snapshotId = commit.Snapshot.SnapshotId;
                    break;
                }
                catch (CatalogCommitConflictException)
                {
                    await commit.CleanupAsync(context.Io, CancellationToken.None);
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 50)), ct);
                }
            }
            catch (ArgumentException e)
            {
                // The files no longer fit the table's partition spec: write them again for the current one.
                LogRewrite(context.Logger, e, Table.ToString());
                files = null;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogCommitFailed(context.Logger, e, Table.ToString(), attempt);
                context.Counters.CommitFailed();
                await Task.Delay(Backoff(attempt), ct);
            }
        }
        Interlocked.Exchange(ref committedLsn, Math.Max(CommittedLsn, lastLsn));
        var events = batch.Sum(p => (long)p.Count);
        Interlocked.Add(ref pendingBytes, -batch.Sum(p => p.Bytes));
        Interlocked.Add(ref pendingEvents, -events);
        LastCommitAt = context.Time.GetUtcNow();
        LastSnapshotId = snapshotId ?? LastSnapshotId;
        context.Counters.Committed(context.NowMs - batch[0].AckTimeMs);
        LogCommitted(context.Logger, events, batch.Sum(p => p.Bytes), Table.ToString(), writeMs, context.NowMs - started);
        committed(this, batch.Sum(p => p.Bytes));
        if (snapshotId is not null && files is not null)
        {
            Compaction.Add(files.Where(f => f.FileSizeInBytes < CompactionTracker.SmallFileBytes));
            commitsSinceExpiry++;
            StartMaintenanceIfDue(ct);
        }
    }

    /// <summary>Compacts a partition that reached the threshold and expires old snapshots, beside the commit loop.</summary>
    private void StartMaintenanceIfDue(CancellationToken ct)
    {
        if (maintenance is { IsCompleted: false })
        {
            return;
        }
        var group = Compaction.Ready(context.Settings.CompactionThreshold);
        if (group is null && commitsSinceExpiry < ExpireEveryCommits)
        {
            return;
        }
        commitsSinceExpiry = 0;
        maintenance = Task.Run(async () =>
        {
            try
            {
                if (group is not null)
                {
                    if (await Compactor.CompactAsync(context, Table, group, ct))
                    {
                        context.Counters.Compacted();
                    }
                    // Compacted or not compactable: either way these files no longer count against the stream.
                    Compaction.Remove(group);
                }
                await SnapshotExpiry.ExpireAsync(context, Table, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogMaintenanceFailed(context.Logger, e, Table.ToString());
            }
        }, CancellationToken.None);
    }

    private async Task<IReadOnlyList<DataFile>> WriteFilesAsync(DuckDBConnection connection, CatalogTable table, List<QueuedPart> parts, string writeId, CancellationToken ct)
    {
        var path = Path.Combine(context.ScratchDirectory, $"{Guid.NewGuid():N}.ndjson");
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, useAsync: false))
            {
                foreach (var part in parts)
                {
                    file.Write(part.Rows.Span);
                }
            }
            var relation = BatchRelation.Sql(table.Metadata.CurrentSchema, path, writeId);
            return await new RelationWriter(context.Io, context.ScratchDirectory, zstdLevel: 1).WriteAsync(connection, table.Metadata, relation, ct);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(30_000, 250 * (1 << Math.Min(attempt, 7))) * (0.5 + Random.Shared.NextDouble()));

    [LoggerMessage(EventId = 5116, Level = LogLevel.Debug, Message = "Committed {Events} events ({Bytes} bytes) to {Table}: files written in {WriteMs} ms, {TotalMs} ms in all")]
    private static partial void LogCommitted(ILogger logger, long events, long bytes, string table, double writeMs, long totalMs);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Warning, Message = "Commit to {Table} failed (attempt {Attempt}); retrying")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, string table, int attempt);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Warning, Message = "Could not read {Table} to learn what the stream already committed; retrying")]
    private static partial void LogInitFailed(ILogger logger, Exception exception, string table);

    [LoggerMessage(EventId = 5113, Level = LogLevel.Information, Message = "Rewriting a batch for {Table}: its partition spec changed")]
    private static partial void LogRewrite(ILogger logger, Exception exception, string table);

    [LoggerMessage(EventId = 5115, Level = LogLevel.Warning, Message = "Maintenance (compaction, snapshot expiry) of {Table} failed; it runs again after later commits")]
    private static partial void LogMaintenanceFailed(ILogger logger, Exception exception, string table);

    [LoggerMessage(EventId = 5114, Level = LogLevel.Error, Message = "The committer of {Table} stopped unexpectedly")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception, string table);
}
