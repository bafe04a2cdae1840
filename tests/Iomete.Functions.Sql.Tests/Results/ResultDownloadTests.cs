using System.Globalization;
using System.Net;
using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using DuckDB.NET.Data;
using Iomete.Functions.Sql.Tests.Support;
using static Iomete.Functions.Sql.Tests.Support.SqlFixture;

namespace Iomete.Functions.Sql.Tests.Results;

/// <summary>Each download format, parsed back, holds the values DuckDB computed (stand-in engine).</summary>
public sealed class ResultDownloadTests(SqlFixture fixture) : IClassFixture<SqlFixture>
{
    private const string TypedQuery =
        """
        SELECT i::BIGINT AS id, (i * 1.5)::DOUBLE AS dbl, (i / 4)::DECIMAL(10,2) AS dec, 'name,' || i || ' "q"' AS txt,
               i % 2 = 0 AS flag, DATE '2024-01-01' + i::INTEGER AS d, TIMESTAMP '2024-01-01 00:00:00' + to_seconds(i) AS ts,
               CASE WHEN i % 3 = 0 THEN NULL ELSE i::INTEGER END AS maybe, 9007199254740993::BIGINT + i AS big,
               TIMESTAMPTZ '2024-05-06 07:08:09+00' AS tz, TIME '10:11:12.5' AS t, [i, i + 1] AS list
        FROM range(25) t(i) ORDER BY i
        """;

    private string? _id;

    private async Task<string> QueryIdAsync()
    {
        if (_id is null)
        {
            var done = await RunAsync(fixture.Admin, TypedQuery);
            Assert.True(done.Str("status") == "COMPLETED", done.GetRawText());
            _id = done.Str("id");
        }
        return _id;
    }

    private async Task<(HttpResponseMessage Response, byte[] Body)> DownloadAsync(string format)
    {
        var id = await QueryIdAsync();
        var response = await fixture.Admin.GetAsync($"{QueriesUrl}/{id}/results/download?format={format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ResultsJson_UsesJsonTypes_AndKeepsBigIntegersExact()
    {
        var id = await QueryIdAsync();
        var page = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{id}/results?offset=1&limit=1");
        var types = page.GetProperty("columns").EnumerateArray().Select(c => c.Str("type")).ToList();
        Assert.Equal(["BIGINT", "DOUBLE", "DECIMAL(10,2)", "VARCHAR", "BOOLEAN", "DATE", "TIMESTAMP", "INTEGER", "BIGINT", "TIMESTAMP WITH TIME ZONE", "TIME", "LIST"], types);
        var row = page.GetProperty("rows")[0];
        Assert.Equal(1, row[0].GetInt64());
        Assert.Equal(1.5, row[1].GetDouble());
        Assert.Equal(0.25m, row[2].GetDecimal());
        Assert.Equal("name,1 \"q\"", row[3].GetString());
        Assert.False(row[4].GetBoolean());
        Assert.Equal("2024-01-02", row[5].GetString());
        Assert.Equal("2024-01-01T00:00:01", row[6].GetString());
        Assert.Equal(1, row[7].GetInt32());
        Assert.Equal("9007199254740994", row[8].GetString());
        Assert.Equal("2024-05-06T07:08:09Z", row[9].GetString());
        Assert.Equal("10:11:12.5", row[10].GetString());
        Assert.Equal("[1,2]", row[11].GetString());
        var nullRow = (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{id}/results?offset=3&limit=1")).GetProperty("rows")[0];
        Assert.Equal(JsonValueKind.Null, nullRow[7].ValueKind);
    }

    [Fact]
    public async Task Csv_HasAHeaderAndQuotedFields()
    {
        var (response, body) = await DownloadAsync("csv");
        Assert.Equal($"attachment; filename=\"{_id}.csv\"", response.Content.Headers.ContentDisposition!.ToString());
        var lines = System.Text.Encoding.UTF8.GetString(body).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(26, lines.Length);
        Assert.Equal("id,dbl,dec,txt,flag,d,ts,maybe,big,tz,t,list", lines[0]);
        Assert.Equal("1,1.5,0.25,\"name,1 \"\"q\"\"\",false,2024-01-02,2024-01-01T00:00:01,1,9007199254740994,2024-05-06T07:08:09Z,10:11:12.5,\"[1,2]\"", lines[2]);
        Assert.Equal("0,0,0.00,\"name,0 \"\"q\"\"\",true,2024-01-01,2024-01-01T00:00:00,,9007199254740993,2024-05-06T07:08:09Z,10:11:12.5,\"[0,1]\"", lines[1]);
    }

    [Fact]
    public async Task JsonLines_HaveOneObjectPerRow()
    {
        var (response, body) = await DownloadAsync("jsonl");
        Assert.Equal($"{_id}.jsonl", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var lines = System.Text.Encoding.UTF8.GetString(body).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(25, lines.Length);
        using var row = JsonDocument.Parse(lines[24]);
        Assert.Equal(24, row.RootElement.GetProperty("id").GetInt64());
        Assert.Equal(6.00m, row.RootElement.GetProperty("dec").GetDecimal());
        Assert.Equal("9007199254741017", row.RootElement.GetProperty("big").GetString());
        Assert.Equal("2024-01-25", row.RootElement.GetProperty("d").GetString());
        Assert.Equal(JsonValueKind.Null, row.RootElement.GetProperty("maybe").ValueKind);
    }

    [Fact]
    public async Task Parquet_ReadByDuckDb_EqualsTheQueryItself()
    {
        var (response, body) = await DownloadAsync("parquet");
        Assert.Equal($"{_id}.parquet", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var file = Path.Combine(Path.GetTempPath(), $"sql-test-{Guid.NewGuid():N}.parquet");
        await File.WriteAllBytesAsync(file, body);
        try
        {
            using var duck = new DuckDBConnection("DataSource=:memory:");
            duck.Open();
            var fromFile = Rows(duck, $"SELECT * EXCLUDE (list) FROM read_parquet('{file}') ORDER BY id");
            var direct = Rows(duck, $"SELECT * EXCLUDE (list) FROM ({TypedQuery}) ORDER BY id");
            Assert.Equal(25, fromFile.Count);
            Assert.Equal(direct, fromFile);
            var types = Rows(duck, $"SELECT column_type FROM (DESCRIBE SELECT * FROM read_parquet('{file}'))").Select(r => r[0]).ToList();
            Assert.Equal(["BIGINT", "DOUBLE", "DECIMAL(10,2)", "VARCHAR", "BOOLEAN", "DATE", "TIMESTAMP", "INTEGER", "BIGINT", "TIMESTAMP WITH TIME ZONE", "TIME", "VARCHAR"], types);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Arrow_ReadByApacheArrow_HasTypedColumns()
    {
        var (response, body) = await DownloadAsync("arrow");
        Assert.Equal($"{_id}.arrow", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using var reader = new ArrowStreamReader(new MemoryStream(body));
        var ids = new List<long>();
        var decimals = new List<decimal?>();
        while (await reader.ReadNextRecordBatchAsync() is { } batch)
        {
            using (batch)
            {
                var idColumn = (Int64Array)batch.Column("id");
                var decColumn = (Decimal128Array)batch.Column("dec");
                for (var i = 0; i < batch.Length; i++)
                {
                    ids.Add(idColumn.GetValue(i)!.Value);
                    decimals.Add(decColumn.GetValue(i));
                }
                Assert.IsType<TimestampType>(batch.Schema.GetFieldByName("tz").DataType);
                Assert.Equal("UTC", ((TimestampType)batch.Schema.GetFieldByName("tz").DataType).Timezone);
                Assert.IsType<Date32Type>(batch.Schema.GetFieldByName("d").DataType);
                Assert.Equal("DECIMAL(10,2)", batch.Schema.GetFieldByName("dec").Metadata["iomete.sql_type"]);
            }
        }
        Assert.Equal(Enumerable.Range(0, 25).Select(i => (long)i), ids);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => (decimal?)Math.Round(i / 4m, 2, MidpointRounding.ToEven)), decimals);
    }

    [Fact]
    public async Task AnUnknownFormat_Is400()
    {
        var id = await QueryIdAsync();
        await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, $"{QueriesUrl}/{id}/results/download?format=xlsx");
    }

    private static List<List<string>> Rows(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<List<string>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount)
                .Select(i => reader.IsDBNull(i) ? "<null>" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!).ToList());
        }
        return rows;
    }
}
