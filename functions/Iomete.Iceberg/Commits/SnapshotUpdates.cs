using Iomete.Iceberg.Metadata;

namespace Iomete.Iceberg.Commits;

/// <summary>The snapshot and ref updates: add-snapshot, set-snapshot-ref, remove-snapshots, remove-snapshot-ref.</summary>
internal static class SnapshotUpdates
{
    public static TableMetadata AddSnapshot(TableMetadata m, Snapshot snapshot)
    {
        if (m.SnapshotById(snapshot.SnapshotId) is not null)
        {
            throw MetadataUpdater.Fail($"snapshot {snapshot.SnapshotId} already exists");
        }
        if (snapshot.ParentSnapshotId is { } parent && m.SnapshotById(parent) is null)
        {
            throw MetadataUpdater.Fail($"parent snapshot {parent} of snapshot {snapshot.SnapshotId} does not exist");
        }
        // As the Java reference: a snapshot without parent (e.g. a staged replace) may reuse sequence numbers.
        if (m.FormatVersion >= 2 && snapshot.SequenceNumber <= m.LastSequenceNumber && snapshot.ParentSnapshotId is not null)
        {
            throw MetadataUpdater.Fail(
                $"sequence number {snapshot.SequenceNumber} of snapshot {snapshot.SnapshotId} is not above the last sequence number {m.LastSequenceNumber}");
        }
        long? nextRowId = m.NextRowId;
        if (m.FormatVersion >= 3)
        {
            // v3 row lineage: the snapshot's row ids start at or after next-row-id, which moves past them.
            if (snapshot.FirstRowId is not { } first || snapshot.AddedRows is not { } added)
            {
                throw MetadataUpdater.Fail($"snapshot {snapshot.SnapshotId} needs first-row-id and added-rows in format v3");
            }
            if (first < (m.NextRowId ?? 0) || added < 0)
            {
                throw MetadataUpdater.Fail($"first-row-id {first} of snapshot {snapshot.SnapshotId} is below next-row-id {m.NextRowId}");
            }
            nextRowId = first + added;
        }
        return m with
        {
            NextRowId = nextRowId,
            Snapshots = [.. m.Snapshots, snapshot],
            LastSequenceNumber = Math.Max(m.LastSequenceNumber, snapshot.SequenceNumber),
        };
    }

    public static TableMetadata SetRef(TableMetadata m, string name, SnapshotRef r)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw MetadataUpdater.Fail("ref-name must not be empty");
        }
        var snapshot = m.SnapshotById(r.SnapshotId)
            ?? throw MetadataUpdater.Fail($"ref {name} points at unknown snapshot {r.SnapshotId}");
        if (name == SnapshotRef.MainBranch && !r.IsBranch)
        {
            throw MetadataUpdater.Fail("main must be a branch");
        }
        var refs = new Dictionary<string, SnapshotRef>(m.Refs, StringComparer.Ordinal) { [name] = r };
        var result = m with { Refs = refs };
        if (name == SnapshotRef.MainBranch && m.CurrentSnapshotId != r.SnapshotId)
        {
            result = result with
            {
                CurrentSnapshotId = r.SnapshotId,
                SnapshotLog = [.. m.SnapshotLog, new SnapshotLogEntry(r.SnapshotId, snapshot.TimestampMs)],
            };
        }
        return result;
    }

    public static TableMetadata RemoveSnapshots(TableMetadata m, IReadOnlyList<long> ids)
    {
        var removed = ids.ToHashSet();
        var refs = m.Refs.Where(kv => !removed.Contains(kv.Value.SnapshotId))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var current = m.CurrentSnapshotId is { } c && removed.Contains(c) ? null : m.CurrentSnapshotId;
        return m with
        {
            Snapshots = [.. m.Snapshots.Where(s => !removed.Contains(s.SnapshotId))],
            Refs = refs,
            CurrentSnapshotId = current,
            SnapshotLog = [.. m.SnapshotLog.Where(e => !removed.Contains(e.SnapshotId))],
            Statistics = [.. m.Statistics.Where(s => !removed.Contains(s.SnapshotId))],
            PartitionStatistics = [.. m.PartitionStatistics.Where(s => !removed.Contains(s.SnapshotId))],
        };
    }

    public static TableMetadata RemoveRef(TableMetadata m, string name)
    {
        if (!m.Refs.ContainsKey(name))
        {
            return m;
        }
        var refs = m.Refs.Where(kv => kv.Key != name).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return name == SnapshotRef.MainBranch ? m with { Refs = refs, CurrentSnapshotId = null } : m with { Refs = refs };
    }
}
