using System.Globalization;
using Iomete.Iceberg.Metadata;

namespace Iomete.Functions.EventStreams.Ingest.Commit;

/// <summary>
/// The snapshot summary properties a stream's commit carries (the pattern of Iceberg's Kafka Connect coordinator):
/// which stream and which write-ahead log wrote it (each replica of a stream has a log of its own, with its own LSNs),
/// the newest log record it holds, and its write id. After a restart the newest snapshot of that log tells which
/// records already landed, so a commit whose answer was lost is never applied twice.
/// </summary>
internal static class StreamSummary
{
    public const string StreamId = "iomete.event-stream.id";
    public const string LogId = "iomete.event-stream.log";
    public const string Lsn = "iomete.event-stream.lsn";
    public const string WriteId = "iomete.event-stream.write-id";

    /// <summary>How many ancestors of the current snapshot are searched (compactions and other writers may sit between).</summary>
    private const int MaxAncestors = 1000;

    public static IReadOnlyDictionary<string, string> For(string streamId, string logId, long lsn, string writeId) => new Dictionary<string, string>
    {
        [StreamId] = streamId,
        [LogId] = logId,
        [Lsn] = lsn.ToString(CultureInfo.InvariantCulture),
        [WriteId] = writeId,
    };

    /// <summary>The newest LSN of the log <paramref name="logId"/> committed on the table's main branch; 0 when none is found.</summary>
    public static long CommittedLsn(TableMetadata metadata, string logId)
    {
        var snapshot = metadata.CurrentSnapshot;
        for (var hops = 0; snapshot is not null && hops < MaxAncestors; hops++)
        {
            if (snapshot.Summary.TryGetValue(LogId, out var id) && id == logId
                && snapshot.Summary.TryGetValue(Lsn, out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var lsn))
            {
                return lsn;
            }
            snapshot = snapshot.ParentSnapshotId is { } parent ? metadata.SnapshotById(parent) : null;
        }
        return 0;
    }
}
