using Iomete.Testing.Tpch;

namespace Iomete.Engine.Tests.Tpch;

/// <summary>The 22 queries over views on exported Parquet files give what they give over the in-memory tables.</summary>
public sealed class TpchParquetComparisonTests(TinyTpch db) : IClassFixture<TinyTpch>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tpch-parquet-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Queries_OverParquetViews_EqualQueriesOverTables()
    {
        var ct = CancellationToken.None;
        await using var parquet = await TpchDatabase.OpenAsync(ct);
        await TpchDatabase.ExecuteAsync(parquet, "CREATE SCHEMA pq", ct);
        foreach (var table in TpchGenerator.TableNames)
        {
            var file = Path.Combine(folder, table + ".parquet");
            await TpchDatabase.ExecuteAsync(db.Connection, $"COPY {table} TO '{file}' (FORMAT parquet, COMPRESSION zstd)", ct);
            await TpchDatabase.ExecuteAsync(parquet, $"CREATE VIEW pq.{table} AS SELECT * FROM read_parquet('{file}')", ct);
        }

        for (var n = 1; n <= TpchQueries.Count; n++)
        {
            var expected = await db.QueryAsync(TpchQueries.Get(n, "", db.ScaleFactor));
            var actual = await ResultSet.QueryAsync(parquet, TpchQueries.Get(n, "pq.", db.ScaleFactor), ct);

            var differences = TpchResults.Compare(expected, actual, TpchQueries.IsOrderSensitive(n));
            Assert.True(differences.Count == 0, $"Q{n}: {string.Join("; ", differences)}");
            Assert.True(actual.Rows.Count > 0 || TpchTinyQueryTests.MayBeEmptyAtTinyScale.Contains(n), $"Q{n} is empty");
        }
    }

    [Fact]
    public async Task Generation_IsReproducible()
    {
        var ct = CancellationToken.None;
        await using var again = await TpchDatabase.OpenAsync(ct);
        await TpchDatabase.GenerateAsync(again, db.ScaleFactor, "", ct);

        foreach (var table in TpchGenerator.TableNames)
        {
            // An order-independent fingerprint of every row (the table alias is the row as a struct).
            var sql = $"SELECT count(*), bit_xor(hash({table})) FROM {table} AS {table}";
            var first = await db.QueryAsync(sql);
            var second = await ResultSet.QueryAsync(again, sql, ct);
            Assert.Empty(TpchResults.Compare(first, second, orderSensitive: true));
            Assert.NotEqual(0UL, Convert.ToUInt64(first.Rows[0][1], System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
