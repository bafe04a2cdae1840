using Iomete.Engine.DuckDb;
using Iomete.Engine.Parquet;

namespace Iomete.Engine.Tests.Parquet;

/// <summary>What DuckDB reads back from a written file (by field id) equals the rows given, to the microsecond.</summary>
public sealed class ParquetRoundTripTests : IDisposable
{
    private readonly Warehouse warehouse = new();

    public void Dispose() => warehouse.Dispose();

    [Fact]
    public async Task WrittenRows_ReadBackByFieldId_AreIdentical()
    {
        var table = TestTables.New(warehouse.TableLocation("roundtrip"));
        object?[] precise = [6, long.MinValue, "ünïcødé ✓", double.MaxValue, true, new DateOnly(1, 1, 1),
            new DateTime(2024, 2, 29, 23, 59, 59).AddTicks(9_999_990), -99999999.99m, new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.Zero).AddTicks(10)];
        var rows = TestTables.FirstBatch.Append(precise).ToList();

        var file = Assert.Single(await new ParquetDataFileWriter(warehouse.IO).WriteRowsAsync(table, rows));
        await using var connection = await EngineConnections.OpenInMemoryAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        // Read by field id under other names, as a reader of an evolved table would.
        var columns = string.Join(", ", TestTables.Schema.Fields.Select(f =>
            $"{f.Id}: {{name: 'c{f.Id}', type: '{DuckDbSchema.TypeOf(f.Type)}', default_value: NULL}}"));
        command.CommandText = $"SELECT * FROM read_parquet('{warehouse.LocalPath(file.FilePath)}', schema = MAP {{{columns}}}) ORDER BY c1";
        await using var reader = await command.ExecuteReaderAsync();
        var read = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            read.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))]);
        }

        Assert.Equal(rows.Count, read.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var expected = rows[r];
            var actual = read[r];
            Assert.Equal(expected[0], actual[0]);
            Assert.Equal(expected[1], actual[1]);
            Assert.Equal(expected[2], actual[2]);
            Assert.Equal(expected[3], actual[3]);
            Assert.Equal(expected[4], actual[4]);
            Assert.Equal(expected[5], actual[5] is DateOnly or null ? actual[5] : DateOnly.FromDateTime((DateTime)actual[5]!));
            Assert.Equal(expected[6], actual[6]);
            Assert.Equal(expected[7], actual[7]);
            Assert.Equal((expected[8] as DateTimeOffset?)?.UtcDateTime, actual[8] switch
            {
                DateTimeOffset o => o.UtcDateTime,
                DateTime d => d,
                _ => null,
            });
        }
    }
}
