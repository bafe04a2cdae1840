using Iomete.Engine.DuckDb;
using Iomete.Engine.Parquet;
using Iomete.Iceberg.Expressions;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;
using Iomete.Iceberg.Writes;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Engine.Tests.Reads;

/// <summary>Struct, list and map columns read back with their DuckDB types; filters reach into structs.</summary>
public sealed class NestedReadTests : IDisposable
{
    private static readonly Schema Nested = new(0,
    [
        T.Required(1, "id", T.Long),
        T.Optional(2, "point", T.Struct(T.Optional(5, "x", T.Int), T.Optional(6, "label", T.String))),
        T.Optional(3, "tags", T.List(7, T.String)),
        T.Optional(4, "attrs", T.Map(8, T.String, 9, T.Long)),
    ]);

    private readonly Warehouse warehouse = new();
    private readonly ReadTables tables;

    public NestedReadTests() => tables = new ReadTables(warehouse);

    public void Dispose() => warehouse.Dispose();

    [Fact]
    public async Task Read_OfNestedColumns_ReturnsStructsListsAndMaps_AndFiltersOnAStructField()
    {
        var table = TableMetadata.NewTable(Nested, PartitionSpec.Unpartitioned, SortOrder.Unsorted, warehouse.TableLocation("nested"));
        await using (var connection = await EngineConnections.OpenInMemoryAsync(CancellationToken.None))
        {
            var file = await new ParquetDataFileWriter(warehouse.IO).WriteQueryAsync(connection, table,
                "SELECT 1 AS a, {'x': 10, 'label': 'p'} AS b, ['t1', 't2'] AS c, MAP {'k': 5} AS d UNION ALL SELECT 2, {'x': -3, 'label': NULL}, NULL, MAP {}");
            table = (await new AppendFiles(warehouse.IO).PrepareAsync(table, [file])).ApplyTo(table, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        }

        var (columns, rows, _) = await tables.ReadAsync(table);
        var (_, positive, _) = await tables.ReadAsync(table, filter: Filter.Gt("point.x", 0L));

        Assert.Equal(
            ["id BIGINT", "point STRUCT(x INTEGER, \"label\" VARCHAR)", "tags VARCHAR[]", "attrs MAP(VARCHAR, BIGINT)"],
            columns);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["1"], positive.Select(r => r.Split('|')[0]));
    }

    [Fact]
    public async Task Read_AfterANestedFieldIsAdded_ReadsNullForOldFiles_AndRefusesANestedRename()
    {
        var table = TableMetadata.NewTable(Nested, PartitionSpec.Unpartitioned, SortOrder.Unsorted, warehouse.TableLocation("nested_evolved"));
        await using (var connection = await EngineConnections.OpenInMemoryAsync(CancellationToken.None))
        {
            var file = await new ParquetDataFileWriter(warehouse.IO).WriteQueryAsync(connection, table,
                "SELECT 1 AS a, {'x': 10, 'label': 'p'} AS b, ['t1'] AS c, MAP {'k': 5} AS d");
            table = (await new AppendFiles(warehouse.IO).PrepareAsync(table, [file])).ApplyTo(table, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        }
        var evolved = new Schema(1,
        [
            T.Required(1, "id", T.Long),
            T.Optional(2, "point", T.Struct(T.Optional(5, "x", T.Int), T.Optional(6, "label", T.String), T.Optional(10, "extra", T.Int))),
            T.Optional(3, "tags", T.List(7, T.String)),
            T.Optional(4, "attrs", T.Map(8, T.String, 9, T.Long)),
        ]);
        table = tables.Evolve(table, evolved);

        var (_, rows, _) = await tables.ReadAsync(table, select: "SELECT id, point.x, point.label, point.extra, tags[1], attrs['k'] FROM t");
        var renamed = tables.Evolve(table, new Schema(2, [.. evolved.Fields.Select(f => f.Id == 2
            ? f with { Type = T.Struct(T.Optional(5, "x", T.Int), T.Optional(6, "tag", T.String), T.Optional(10, "extra", T.Int)) }
            : f)]));

        Assert.Equal(["1|10|p|null|t1|5"], rows);
        var refused = await Assert.ThrowsAsync<NotSupportedException>(() => tables.ReadAsync(renamed));
        Assert.Contains("Nested field 6", refused.Message, StringComparison.Ordinal);
    }
}
