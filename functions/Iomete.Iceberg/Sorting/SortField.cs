using Iomete.Iceberg.Partitioning;

namespace Iomete.Iceberg.Sorting;

/// <summary>A sort field: a transform of a source column, a direction and a null order.</summary>
public sealed record SortField(int SourceId, Transform Transform, SortDirection Direction, NullOrder NullOrder)
{
    /// <summary>Ascending sorts put nulls first by default, descending ones last (the spec's defaults).</summary>
    public static SortField Of(int sourceId, SortDirection direction = SortDirection.Asc) =>
        new(sourceId, Transform.Identity, direction, direction == SortDirection.Asc ? NullOrder.NullsFirst : NullOrder.NullsLast);
}
