using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Engine.Tests;

/// <summary>A table covering int, long, string, double, boolean, date, timestamp, timestamptz and decimal, and rows for it.</summary>
internal static class TestTables
{
    public static readonly Schema Schema = new(0,
    [
        T.Required(1, "id", T.Int),
        T.Optional(2, "big", T.Long),
        T.Optional(3, "name", T.String),
        T.Optional(4, "score", T.Double),
        T.Optional(5, "active", T.Boolean),
        T.Optional(6, "day", T.Date),
        T.Optional(7, "at", T.Timestamp),
        T.Optional(8, "amount", T.Decimal(10, 2)),
        T.Optional(9, "at_tz", T.TimestampTz),
    ]);

    public static TableMetadata New(string location, PartitionSpec? spec = null) =>
        TableMetadata.NewTable(Schema, spec ?? PartitionSpec.Unpartitioned, SortOrder.Unsorted, location, timestampMs: 1_000);

    public static IReadOnlyList<object?[]> FirstBatch =>
    [
        [1, 9_007_199_254_740_993L, "alpha", 1.5, true, new DateOnly(2024, 1, 2), new DateTime(2024, 1, 2, 3, 4, 5, 123), 12.34m, new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)],
        [2, -7L, "a much longer name that exceeds sixteen characters", -0.25, false, new DateOnly(1969, 12, 31), new DateTime(1969, 12, 31, 23, 59, 59), -5.00m, new DateTimeOffset(1999, 12, 31, 23, 0, 0, TimeSpan.FromHours(-2))],
        [3, null, null, null, null, null, null, null, null],
    ];

    public static IReadOnlyList<object?[]> SecondBatch =>
    [
        [4, 40L, "delta", 4.0, true, new DateOnly(2030, 6, 15), new DateTime(2030, 6, 15, 12, 0, 0), 99999999.99m, new DateTimeOffset(2030, 6, 15, 12, 0, 0, TimeSpan.Zero)],
        [5, 0L, "", 0.0, false, new DateOnly(1970, 1, 1), new DateTime(1970, 1, 1), 0.01m, new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero)],
    ];
}
