using Iomete.Iceberg.Metadata;

namespace Iomete.Engine.Reads;

/// <summary>Time travel by timestamp, as Java's <c>SnapshotUtil.snapshotIdAsOfTime</c>: the main branch's history (snapshot log).</summary>
public static class SnapshotHistory
{
    /// <summary>The snapshot that was current at <paramref name="timestampMs"/> (the last log entry at or before it); null when none was.</summary>
    public static long? SnapshotIdAt(TableMetadata metadata, long timestampMs)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        long? id = null;
        foreach (var entry in metadata.SnapshotLog)
        {
            if (entry.TimestampMs <= timestampMs)
            {
                id = entry.SnapshotId;
            }
        }
        return id;
    }
}
