using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Schemas;

namespace Iomete.Iceberg.Json;

public static partial class TableMetadataJson
{
    /// <summary>Snapshot and metadata logs may be out of order by this much (clock skew between writers), as in the reference implementation.</summary>
    private const long HistorySkewMs = 60_000;

    /// <summary>
    /// Checks metadata built in code (e.g. by a commit) by the rules the reader applies.
    /// </summary>
    /// <exception cref="IcebergFormatException">A rule is broken; the path names the member as it would be written.</exception>
    public static void Validate(TableMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        Validate(metadata, "$");
    }

    /// <summary>The cross-member rules: ids that must resolve, sequence numbers, refs and logs.</summary>
    private static void Validate(TableMetadata m, string path)
    {
        Check(m.FormatVersion is >= TableMetadata.MinFormatVersion and <= TableMetadata.MaxFormatVersion,
            $"{path}.format-version", $"Cannot read unsupported version {m.FormatVersion}");
        Check(m.FormatVersion == 1 || m.TableUuid is not null, path, $"table-uuid must exist in format v{m.FormatVersion}");
        Check(m.FormatVersion < 3 || m.NextRowId is not null, path, $"next-row-id must exist in format v{m.FormatVersion}");
        Unique(m.Schemas.Select(s => s.SchemaId), $"{path}.schemas", "schema-id");
        Unique(m.PartitionSpecs.Select(s => s.SpecId), $"{path}.partition-specs", "spec-id");
        Unique(m.SortOrders.Select(o => o.OrderId), $"{path}.sort-orders", "order-id");
        Unique(m.Snapshots.Select(s => s.SnapshotId), $"{path}.snapshots", "snapshot-id");

        var current = m.SchemaById(m.CurrentSchemaId)
            ?? throw IcebergFormatException.At($"{path}.current-schema-id", $"Cannot find schema with current-schema-id={m.CurrentSchemaId} from schemas");
        var spec = m.SpecById(m.DefaultSpecId)
            ?? throw IcebergFormatException.At($"{path}.default-spec-id", $"Cannot find partition spec with default-spec-id={m.DefaultSpecId} from partition-specs");
        var order = m.SortOrderById(m.DefaultSortOrderId)
            ?? throw IcebergFormatException.At($"{path}.default-sort-order-id", $"Cannot find sort order with default-sort-order-id={m.DefaultSortOrderId} from sort-orders");
        Bind(() => spec.Validate(current), $"{path}.partition-specs", "the default partition spec does not fit the current schema");
        Bind(() => order.Validate(current), $"{path}.sort-orders", "the default sort order does not fit the current schema");

        var highestColumn = m.Schemas.Max(s => s.HighestFieldId);
        Check(m.LastColumnId >= highestColumn, $"{path}.last-column-id", $"last-column-id {m.LastColumnId} is below the highest field id {highestColumn}");
        var highestPartition = m.PartitionSpecs.Max(s => s.LastAssignedFieldId);
        Check(m.LastPartitionId >= highestPartition, $"{path}.last-partition-id", $"last-partition-id {m.LastPartitionId} is below the highest partition field id {highestPartition}");

        Check(m.CurrentSnapshotId is not { } cs || m.SnapshotById(cs) is not null,
            $"{path}.current-snapshot-id", $"Cannot find snapshot with current-snapshot-id={m.CurrentSnapshotId} from snapshots");
        foreach (var (name, r) in m.Refs)
        {
            Check(m.SnapshotById(r.SnapshotId) is not null, $"{path}.refs.{name}", $"ref '{name}' points to unknown snapshot {r.SnapshotId}");
        }
        if (m.Refs.TryGetValue(SnapshotRef.MainBranch, out var main))
        {
            Check(main.IsBranch, $"{path}.refs.main", "'main' must be a branch");
            Check(main.SnapshotId == m.CurrentSnapshotId, $"{path}.refs.main", $"main points to {main.SnapshotId} but current-snapshot-id is {m.CurrentSnapshotId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-1"}");
        }

        if (m.FormatVersion >= 2)
        {
            foreach (var s in m.Snapshots.Where(s => s.SequenceNumber > m.LastSequenceNumber))
            {
                throw IcebergFormatException.At($"{path}.snapshots", $"snapshot {s.SnapshotId} has sequence-number {s.SequenceNumber} above last-sequence-number {m.LastSequenceNumber}");
            }
        }
        foreach (var s in m.Snapshots.Where(s => s.SchemaId is { } id && m.SchemaById(id) is null))
        {
            throw IcebergFormatException.At($"{path}.snapshots", $"snapshot {s.SnapshotId} refers to unknown schema-id {s.SchemaId}");
        }

        for (var i = 0; i < m.SnapshotLog.Count; i++)
        {
            var e = m.SnapshotLog[i];
            Check(m.SnapshotById(e.SnapshotId) is not null, $"{path}.snapshot-log[{i}]", $"snapshot-log refers to unknown snapshot {e.SnapshotId}");
            Check(i == 0 || e.TimestampMs - m.SnapshotLog[i - 1].TimestampMs >= -HistorySkewMs, $"{path}.snapshot-log[{i}]", "snapshot-log entries must be in timestamp order");
        }
        for (var i = 1; i < m.MetadataLog.Count; i++)
        {
            Check(m.MetadataLog[i].TimestampMs - m.MetadataLog[i - 1].TimestampMs >= -HistorySkewMs, $"{path}.metadata-log[{i}]", "metadata-log entries must be in timestamp order");
        }
        Check(m.NextRowId is not < 0, $"{path}.next-row-id", "next-row-id must not be negative");
    }

    private static void Unique(IEnumerable<long> ids, string path, string member)
    {
        var seen = new HashSet<long>();
        foreach (var id in ids)
        {
            Check(seen.Add(id), path, $"duplicate {member} {id}");
        }
    }

    private static void Unique(IEnumerable<int> ids, string path, string member) => Unique(ids.Select(i => (long)i), path, member);

    private static void Bind(Action validate, string path, string what)
    {
        try
        {
            validate();
        }
        catch (SchemaValidationException ex)
        {
            throw new IcebergFormatException($"{path}: {what}: {ex.Message}", ex) { Path = path };
        }
    }

    private static void Check(bool condition, string path, string problem)
    {
        if (!condition)
        {
            throw IcebergFormatException.At(path, problem);
        }
    }
}
