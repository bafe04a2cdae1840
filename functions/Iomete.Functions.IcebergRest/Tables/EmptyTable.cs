using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Metadata;

namespace Iomete.Functions.IcebergRest.Tables;

/// <summary>
/// The base a create transaction (<c>assert-create</c>) applies its updates to: no schema, spec or order
/// yet; the uuid and format version the updates name (Java's <c>TableMetadata.buildFromEmpty</c>).
/// </summary>
internal static class EmptyTable
{
    public static TableMetadata For(IReadOnlyList<TableUpdate> updates, string location, long nowMs)
    {
        var formatVersion = updates.OfType<UpgradeFormatVersion>().Select(u => u.FormatVersion).FirstOrDefault(2);
        return new TableMetadata
        {
            FormatVersion = formatVersion,
            TableUuid = updates.OfType<AssignUuid>().Select(u => (Guid?)u.Uuid).FirstOrDefault() ?? Guid.NewGuid(),
            Location = location,
            LastSequenceNumber = 0,
            LastUpdatedMs = nowMs,
            LastColumnId = 0,
            Schemas = [],
            CurrentSchemaId = -1,
            PartitionSpecs = [],
            DefaultSpecId = -1,
            LastPartitionId = 999,
            SortOrders = [],
            DefaultSortOrderId = -1,
            NextRowId = formatVersion >= 3 ? 0 : null,
        };
    }
}
