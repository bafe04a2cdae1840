using System.Globalization;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;

namespace Iomete.Iceberg.Metadata;

public sealed partial record TableMetadata
{
    /// <summary>The table property that selects the format version at creation; it is not stored.</summary>
    public const string FormatVersionProperty = "format-version";

    /// <summary>The Parquet codec Iceberg (since 1.4) persists for new tables unless the caller sets one.</summary>
    public const string ParquetCompressionProperty = "write.parquet.compression-codec";

    /// <summary>
    /// Metadata of a new, empty table: schema field ids renumbered from 1 (schema id 0), the spec's and
    /// sort order's sources remapped to them, partition field ids from 1000 (spec id 0), a sorted order gets
    /// id 1. A <c>format-version</c> property overrides <paramref name="formatVersion"/> and is not stored.
    /// </summary>
    /// <exception cref="SchemaValidationException">The spec or sort order does not fit the schema.</exception>
    /// <exception cref="ArgumentException">An empty location or an unsupported format version.</exception>
    public static TableMetadata NewTable(
        Schema schema,
        PartitionSpec spec,
        SortOrder sortOrder,
        string location,
        IReadOnlyDictionary<string, string>? properties = null,
        int formatVersion = 2,
        Guid? tableUuid = null,
        long? timestampMs = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(sortOrder);
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        spec.Validate(schema);
        sortOrder.Validate(schema);

        var props = new Dictionary<string, string>(properties ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (props.Remove(FormatVersionProperty, out var requested))
        {
            formatVersion = int.TryParse(requested, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                ? v
                : throw new ArgumentException($"property {FormatVersionProperty} must be an integer, got '{requested}'", nameof(properties));
        }
        if (formatVersion is < MinFormatVersion or > MaxFormatVersion)
        {
            throw new ArgumentException($"unsupported format version {formatVersion} (supported: {MinFormatVersion}-{MaxFormatVersion})", nameof(formatVersion));
        }
        props.TryAdd(ParquetCompressionProperty, "zstd");

        var (freshSchema, lastColumnId, map) = FreshIds.Assign(schema);
        var freshSpec = new PartitionSpec(0, spec.Fields.Select((f, i) =>
            new PartitionField(map[f.SourceId], PartitionSpec.FirstFieldId + i, f.Name, f.Transform)));
        var freshOrder = sortOrder.IsUnsorted
            ? SortOrder.Unsorted
            : new SortOrder(1, sortOrder.Fields.Select(f => f with { SourceId = map[f.SourceId] }));

        return new TableMetadata
        {
            FormatVersion = formatVersion,
            TableUuid = tableUuid ?? Guid.NewGuid(),
            Location = location.TrimEnd('/'),
            LastSequenceNumber = 0,
            LastUpdatedMs = timestampMs ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            LastColumnId = lastColumnId,
            Schemas = [freshSchema],
            CurrentSchemaId = freshSchema.SchemaId,
            PartitionSpecs = [freshSpec],
            DefaultSpecId = freshSpec.SpecId,
            LastPartitionId = freshSpec.LastAssignedFieldId,
            SortOrders = [freshOrder],
            DefaultSortOrderId = freshOrder.OrderId,
            Properties = props,
            NextRowId = formatVersion >= 3 ? 0 : null,
        };
    }
}
