using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Iomete.Platform.Time;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Identity.DataSecurity.Audit;

/// <summary>
/// The data-access audit: <see cref="Record"/> never blocks the caller (a bounded queue); a background writer inserts
/// batches every 200 ms or 500 entries and drains the queue on graceful shutdown. When the queue is full, entries are
/// dropped, counted (metric <c>iomete.data_security.audit.dropped</c>) and a warning is logged.
/// </summary>
public sealed partial class DataAccessAuditLog : BackgroundService
{
    public const int BatchSize = 500;
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    private readonly Channel<DataAccessAuditEntry> queue;
    private readonly DataAccessAuditStore store;
    private readonly IIdGenerator ids;
    private readonly TimeProvider clock;
    private readonly ILogger<DataAccessAuditLog> logger;
    private readonly Meter meter = new("Iomete.DataSecurity");
    private readonly Counter<long> droppedCounter;
    private long dropped;
    private long lastWarningTicks;

    public DataAccessAuditLog(DataAccessAuditStore store, IIdGenerator ids, TimeProvider clock, IOptions<DataSecurityOptions> options,
        ILogger<DataAccessAuditLog> logger)
    {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
        this.logger = logger;
        queue = Channel.CreateBounded<DataAccessAuditEntry>(new BoundedChannelOptions(options.Value.AuditQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        droppedCounter = meter.CreateCounter<long>("iomete.data_security.audit.dropped", description: "Audit entries dropped because the queue was full");
    }

    /// <summary>Entries dropped since start (queue full or a failed write).</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Queues one entry; returns at once.</summary>
    public void Record(DataAccessAuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (queue.Writer.TryWrite(string.IsNullOrEmpty(entry.Id) ? entry with { Id = ids.NewId() } : entry))
        {
            return;
        }
        Drop(1);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        meter.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = queue.Reader;
        // Not cancelled by stoppingToken: on shutdown the writer is completed and what is queued is still written.
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            var batch = new List<DataAccessAuditEntry>(BatchSize);
            using (var window = new CancellationTokenSource(BatchWindow))
            {
                while (batch.Count < BatchSize)
                {
                    if (reader.TryRead(out var entry))
                    {
                        batch.Add(entry);
                        continue;
                    }
                    if (stoppingToken.IsCancellationRequested || !await WaitAsync(reader, window.Token))
                    {
                        break;
                    }
                }
            }
            try
            {
                await store.InsertAsync(batch, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogWriteFailed(logger, ex, batch.Count);
                Drop(batch.Count);
            }
        }
    }

    private static async Task<bool> WaitAsync(ChannelReader<DataAccessAuditEntry> reader, CancellationToken window)
    {
        try
        {
            return await reader.WaitToReadAsync(window);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Drop(int count)
    {
        var total = Interlocked.Add(ref dropped, count);
        droppedCounter.Add(count);
        var now = clock.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref lastWarningTicks);
        if (now - last >= WarningInterval.Ticks && Interlocked.CompareExchange(ref lastWarningTicks, now, last) == last)
        {
            LogDropped(logger, count, total);
        }
    }

    [LoggerMessage(EventId = 2801, Level = LogLevel.Warning, Message = "Data-access audit: dropped {Count} entries ({Total} since start); the queue is full or the database failed")]
    private static partial void LogDropped(ILogger logger, int count, long total);

    [LoggerMessage(EventId = 2802, Level = LogLevel.Error, Message = "Data-access audit: writing {Count} entries failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);
}
