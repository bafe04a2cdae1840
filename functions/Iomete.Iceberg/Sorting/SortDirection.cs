namespace Iomete.Iceberg.Sorting;

/// <summary>Sort direction: JSON <c>asc</c> or <c>desc</c>.</summary>
public enum SortDirection
{
    Asc,
    Desc,
}

/// <summary>Where nulls sort: JSON <c>nulls-first</c> or <c>nulls-last</c>.</summary>
public enum NullOrder
{
    NullsFirst,
    NullsLast,
}
