using Iomete.Platform.Http;

namespace Iomete.Functions.EventStreams.Streams;

/// <summary>The metric families of event streams, labelled <c>domain</c>, <c>namespace</c>, <c>stream</c> (and <c>table</c>).</summary>
internal static class StreamPrometheus
{
    private const string Prefix = "iomete_event_stream_";

    private static readonly (string Name, string Type, string Help, Func<StreamMetrics, double?> Value)[] StreamFamilies =
    [
        ("events_total", "counter", "Events acknowledged since the pipeline started in this process.", m => m.EventsTotal),
        ("bytes_total", "counter", "Bytes of events acknowledged since the pipeline started.", m => m.BytesTotal),
        ("requests_total", "counter", "Ingest requests handled since the pipeline started.", m => m.RequestsTotal),
        ("events_per_second", "gauge", "Events acknowledged per second over the last minute.", m => m.EventsPerSecond),
        ("bytes_per_second", "gauge", "Bytes acknowledged per second over the last minute.", m => m.BytesPerSecond),
        ("pending_bytes", "gauge", "Acknowledged bytes waiting for their Iceberg commit.", m => m.PendingBytes),
        ("pending_events", "gauge", "Acknowledged events waiting for their Iceberg commit.", m => m.PendingEvents),
        ("commits_total", "counter", "Iceberg commits made.", m => m.CommitsTotal),
        ("commit_latency_seconds", "gauge", "Time from a batch's first acknowledged event to its commit, last commit.", m => m.LastCommitLatencyMs / 1000),
        ("commit_latency_p99_seconds", "gauge", "99th percentile of the commit latency of recent commits.", m => m.CommitLatencyP99Ms / 1000),
        ("last_commit_timestamp_seconds", "gauge", "Unix time of the last Iceberg commit.", m => m.LastCommitAt?.ToUnixTimeMilliseconds() / 1000.0),
        ("errors_total", "counter", "Refused requests (4xx except 429, and 5xx) plus rejected or dead-lettered rows.", m => m.ErrorsTotal),
        ("rejected_rows_total", "counter", "Rows rejected because they did not fit their table.", m => m.RejectedRowsTotal),
        ("dead_letter_rows_total", "counter", "Rows written to a dead-letter table.", m => m.DeadLetterRowsTotal),
        ("throttled_total", "counter", "Requests answered 429 (backpressure).", m => m.ThrottledTotal),
        ("compactions_total", "counter", "Compactions of the small files the stream wrote.", m => m.CompactionsTotal),
        ("commit_failures_total", "counter", "Iceberg commits that failed (and were retried).", m => m.CommitFailuresTotal),
    ];

    private static readonly (string Name, string Type, string Help, Func<TableMetrics, double> Value)[] TableFamilies =
    [
        ("table_uncompacted_files", "gauge", "Files the stream wrote to the table that are not compacted yet.", t => t.UncompactedFiles),
        ("table_pending_bytes", "gauge", "Acknowledged bytes for the table waiting for their commit.", t => t.PendingBytes),
    ];

    /// <summary>The exposition of the given streams; a stream without a pipeline here reports zeros and <c>running 0</c>.</summary>
    public static string Write(IReadOnlyList<(EventStream Stream, StreamMetrics? Metrics)> streams)
    {
        var writer = new PrometheusWriter();
        writer.Family(Prefix + "running", "gauge", "1 when the stream's ingestion pipeline runs in this process.");
        foreach (var (stream, metrics) in streams)
        {
            writer.Sample(Prefix + "running", Labels(stream), metrics is null ? 0 : 1);
        }
        foreach (var family in StreamFamilies)
        {
            writer.Family(Prefix + family.Name, family.Type, family.Help);
            foreach (var (stream, metrics) in streams)
            {
                if (family.Value(metrics ?? Empty) is { } value)
                {
                    writer.Sample(Prefix + family.Name, Labels(stream), value);
                }
            }
        }
        foreach (var family in TableFamilies)
        {
            writer.Family(Prefix + family.Name, family.Type, family.Help);
            foreach (var (stream, metrics) in streams)
            {
                foreach (var table in metrics?.Tables ?? [])
                {
                    writer.Sample(Prefix + family.Name, [.. Labels(stream), ("table", table.Table)], family.Value(table));
                }
            }
        }
        return writer.ToString();
    }

    private static readonly StreamMetrics Empty = new();

    private static List<(string, string)> Labels(EventStream s) => [("domain", s.DomainId), ("namespace", s.Namespace), ("stream", s.Name)];
}
