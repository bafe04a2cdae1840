using Iomete.Engine.Catalogs;
using Iomete.Functions.EventStreams.Ingest.Runtime;
using Iomete.Functions.EventStreams.Streams;
using Iomete.Iceberg.IO;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.EventStreams.Ingest.Commit;

/// <summary>What a stream's table committers share: the stream, the catalog (as the platform), storage, scratch space and time.</summary>
internal sealed class CommitContext(
    string streamId,
    string logId,
    Func<EventStreamSettings> settings,
    ILakehouseCatalog catalog,
    TableFileIO io,
    string scratchDirectory,
    TimeProvider time,
    StreamCounters counters,
    ILogger logger)
{
    public string StreamId { get; } = streamId;

    /// <summary>The identity of this stream's write-ahead log (one per replica and volume); LSNs are only comparable within it.</summary>
    public string LogId { get; } = logId;

    public EventStreamSettings Settings => settings();

    public ILakehouseCatalog Catalog { get; } = catalog;

    public TableFileIO Io { get; } = io;

    public string ScratchDirectory { get; } = scratchDirectory;

    public TimeProvider Time { get; } = time;

    public StreamCounters Counters { get; } = counters;

    public ILogger Logger { get; } = logger;

    public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();
}
