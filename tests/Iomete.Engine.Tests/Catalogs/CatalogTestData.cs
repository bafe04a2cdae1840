using Iomete.Engine.Catalogs;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Engine.Tests.Catalogs;

internal static class CatalogTestData
{
    public static NewTable PlainTable(IReadOnlyDictionary<string, string>? properties = null) =>
        new(TestTables.Schema, null, null, properties ?? new Dictionary<string, string>());

    /// <summary>Partitioned by day(day) and bucket(4, id), sorted by id descending.</summary>
    public static NewTable PartitionedTable() => new(
        TestTables.Schema,
        new PartitionSpec(0, [new PartitionField(6, 1000, "day_day", Transform.Day), new PartitionField(1, 1001, "id_bucket", Transform.Bucket(4))]),
        new SortOrder(1, [new SortField(1, Transform.Identity, SortDirection.Desc, NullOrder.NullsLast)]),
        new Dictionary<string, string> { ["write.parquet.compression-codec"] = "zstd" });

    public static NewView View(string sql, string database) => new(
        sql,
        "duckdb",
        new Schema(0, [T.Required(1, "id", T.Int), T.Optional(2, "name", T.String)]),
        CatalogFixture.Catalog,
        database,
        new Dictionary<string, string> { ["comment"] = "engine view" });
}
