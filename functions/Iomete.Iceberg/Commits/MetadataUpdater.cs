using Iomete.Iceberg.Json;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;

namespace Iomete.Iceberg.Commits;

/// <summary>Applies a commit's updates, in order and all or nothing, to table metadata.</summary>
public static class MetadataUpdater
{
    /// <summary>
    /// Returns new metadata with every update applied, <c>last-updated-ms</c> = <paramref name="nowMs"/>,
    /// validated by <see cref="TableMetadataJson.Validate"/>. <paramref name="base"/> is never changed.
    /// </summary>
    /// <exception cref="InvalidCommitException">An update cannot be applied or the result is invalid.</exception>
    public static TableMetadata Apply(TableMetadata @base, IReadOnlyList<TableUpdate> updates, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(@base);
        ArgumentNullException.ThrowIfNull(updates);
        var state = new State(@base);
        for (var i = 0; i < updates.Count; i++)
        {
            try
            {
                state.Apply(updates[i]);
            }
            catch (Exception ex) when (ex is InvalidCommitException or SchemaValidationException or ArgumentException or InvalidOperationException)
            {
                throw new InvalidCommitException($"updates[{i}] {updates[i].Action}: {ex.Message}", ex);
            }
        }
        var result = state.Metadata with { LastUpdatedMs = Math.Max(nowMs, @base.LastUpdatedMs) };
        try
        {
            TableMetadataJson.Validate(result);
        }
        catch (Exception ex) when (ex is IcebergFormatException or SchemaValidationException or InvalidOperationException)
        {
            throw new InvalidCommitException($"The updates leave invalid table metadata: {ex.Message}", ex);
        }
        return result;
    }

    private sealed class State(TableMetadata start)
    {
        private int? lastAddedSchemaId;
        private int? lastAddedSpecId;
        private int? lastAddedOrderId;

        public TableMetadata Metadata { get; private set; } = start;

        public void Apply(TableUpdate update)
        {
            var m = Metadata;
            Metadata = update switch
            {
                AssignUuid u => m.TableUuid is { } existing && existing != u.Uuid
                    ? throw Fail($"cannot reassign uuid {existing} to {u.Uuid}")
                    : m with { TableUuid = u.Uuid },
                UpgradeFormatVersion u => UpgradeFormat(m, u.FormatVersion),
                AddSchema u => AddSchema(m, u),
                SetCurrentSchema u => m with { CurrentSchemaId = Resolve(u.SchemaId, lastAddedSchemaId, "schema", id => m.SchemaById(id) is not null) },
                AddPartitionSpec u => AddSpec(m, u.Spec),
                SetDefaultSpec u => m with { DefaultSpecId = Resolve(u.SpecId, lastAddedSpecId, "partition spec", id => m.SpecById(id) is not null) },
                AddSortOrder u => AddOrder(m, u.SortOrder),
                SetDefaultSortOrder u => m with { DefaultSortOrderId = Resolve(u.SortOrderId, lastAddedOrderId, "sort order", id => m.SortOrderById(id) is not null) },
                AddSnapshot u => SnapshotUpdates.AddSnapshot(m, u.Snapshot),
                SetSnapshotRef u => SnapshotUpdates.SetRef(m, u.RefName, u.Ref),
                RemoveSnapshots u => SnapshotUpdates.RemoveSnapshots(m, u.SnapshotIds),
                RemoveSnapshotRef u => SnapshotUpdates.RemoveRef(m, u.RefName),
                SetLocation u => string.IsNullOrWhiteSpace(u.Location) ? throw Fail("location must not be empty") : m with { Location = u.Location },
                SetProperties u => m with { Properties = Merge(m.Properties, u.Updates, []) },
                RemoveProperties u => m with { Properties = Merge(m.Properties, new Dictionary<string, string>(), u.Removals) },
                SetStatistics u => m with { Statistics = [.. m.Statistics.Where(s => s.SnapshotId != u.Statistics.SnapshotId), u.Statistics] },
                RemoveStatistics u => m with { Statistics = [.. m.Statistics.Where(s => s.SnapshotId != u.SnapshotId)] },
                SetPartitionStatistics u => m with
                {
                    PartitionStatistics = [.. m.PartitionStatistics.Where(s => s.SnapshotId != u.PartitionStatistics.SnapshotId), u.PartitionStatistics],
                },
                RemovePartitionStatistics u => m with { PartitionStatistics = [.. m.PartitionStatistics.Where(s => s.SnapshotId != u.SnapshotId)] },
                RemovePartitionSpecs u => u.SpecIds.Contains(m.DefaultSpecId)
                    ? throw Fail($"cannot remove the default partition spec {m.DefaultSpecId}")
                    : m with { PartitionSpecs = [.. m.PartitionSpecs.Where(s => !u.SpecIds.Contains(s.SpecId))] },
                RemoveSchemas u => u.SchemaIds.Contains(m.CurrentSchemaId)
                    ? throw Fail($"cannot remove the current schema {m.CurrentSchemaId}")
                    : m with { Schemas = [.. m.Schemas.Where(s => !u.SchemaIds.Contains(s.SchemaId))] },
                _ => throw Fail($"unsupported update {update.Action}"),
            };
        }

        private static TableMetadata UpgradeFormat(TableMetadata m, int version)
        {
            if (version is < TableMetadata.MinFormatVersion or > TableMetadata.MaxFormatVersion)
            {
                throw Fail($"unsupported format version {version}");
            }
            if (version < m.FormatVersion)
            {
                throw Fail($"cannot downgrade format version from {m.FormatVersion} to {version}");
            }
            return version == m.FormatVersion ? m : m with
            {
                FormatVersion = version,
                TableUuid = m.TableUuid ?? Guid.NewGuid(),
                NextRowId = version >= 3 ? m.NextRowId ?? 0 : m.NextRowId,
            };
        }

        private TableMetadata AddSchema(TableMetadata m, AddSchema u)
        {
            var existing = m.Schemas.FirstOrDefault(s => s.SameColumns(u.Schema));
            if (existing is not null)
            {
                lastAddedSchemaId = existing.SchemaId;
                return m;
            }
            var id = m.Schemas.Count == 0 ? 0 : m.Schemas.Max(s => s.SchemaId) + 1;
            var lastColumnId = Math.Max(m.LastColumnId, Math.Max(u.Schema.HighestFieldId, u.LastColumnId ?? 0));
            if (u.LastColumnId is { } declared && declared < u.Schema.HighestFieldId)
            {
                throw Fail($"last-column-id {declared} is below the schema's highest field id {u.Schema.HighestFieldId}");
            }
            lastAddedSchemaId = id;
            return m with { Schemas = [.. m.Schemas, u.Schema.WithSchemaId(id)], LastColumnId = lastColumnId };
        }

        private TableMetadata AddSpec(TableMetadata m, PartitionSpec spec)
        {
            spec.Validate(m.CurrentSchema);
            var existing = m.PartitionSpecs.FirstOrDefault(s => s.SameFields(spec));
            if (existing is not null)
            {
                lastAddedSpecId = existing.SpecId;
                return m;
            }
            var id = m.PartitionSpecs.Count == 0 ? 0 : m.PartitionSpecs.Max(s => s.SpecId) + 1;
            lastAddedSpecId = id;
            return m with
            {
                PartitionSpecs = [.. m.PartitionSpecs, new PartitionSpec(id, spec.Fields)],
                LastPartitionId = Math.Max(m.LastPartitionId, spec.LastAssignedFieldId),
            };
        }

        private TableMetadata AddOrder(TableMetadata m, SortOrder order)
        {
            order.Validate(m.CurrentSchema);
            var existing = m.SortOrders.FirstOrDefault(o => o.SameFields(order));
            if (existing is not null)
            {
                lastAddedOrderId = existing.OrderId;
                return m;
            }
            var id = order.IsUnsorted ? SortOrder.UnsortedOrderId : Math.Max(1, m.SortOrders.Count == 0 ? 1 : m.SortOrders.Max(o => o.OrderId) + 1);
            lastAddedOrderId = id;
            return m with { SortOrders = [.. m.SortOrders, new SortOrder(id, order.Fields)] };
        }

        private static int Resolve(int id, int? lastAdded, string what, Func<int, bool> exists)
        {
            if (id == TableUpdate.LastAdded)
            {
                return lastAdded ?? throw Fail($"cannot use -1 (last added {what}): no {what} was added in this commit");
            }
            return exists(id) ? id : throw Fail($"unknown {what} id {id}");
        }

        private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string> set, IReadOnlyList<string> remove)
        {
            var props = new Dictionary<string, string>(current, StringComparer.Ordinal);
            foreach (var (k, v) in set)
            {
                props[k] = v;
            }
            foreach (var k in remove)
            {
                props.Remove(k);
            }
            return props;
        }
    }

    internal static InvalidCommitException Fail(string message) => new(message);
}
