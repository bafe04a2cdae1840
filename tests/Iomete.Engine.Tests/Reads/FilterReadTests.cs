using Iomete.Iceberg.Expressions;
using Iomete.Iceberg.Metadata;

namespace Iomete.Engine.Tests.Reads;

/// <summary>Row filters on every primitive type of <see cref="TestTables"/> select exactly the matching rows in DuckDB.</summary>
public sealed class FilterReadTests : IDisposable
{
    private readonly Warehouse warehouse = new();
    private readonly ReadTables tables;

    public FilterReadTests() => tables = new ReadTables(warehouse);

    public void Dispose() => warehouse.Dispose();

    public static TheoryData<string, string> Filters => new()
    {
        { """{"type":"eq","term":"day","value":"2024-01-02"}""", "1" },
        { """{"type":"lt","term":"at","value":"1970-01-01T00:00:00"}""", "2" },
        { """{"type":"gt-eq","term":"at","value":"2024-01-02T03:04:05.123"}""", "1,4" },
        { """{"type":"gt","term":"at_tz","value":"2000-01-01T00:30:00+00:00"}""", "1,2,4" },
        { """{"type":"lt","term":"at_tz","value":"2000-01-01T01:00:00.000001Z"}""", "2,5" },
        { """{"type":"eq","term":"amount","value":"-5.00"}""", "2" },
        { """{"type":"gt","term":"score","value":1.0}""", "1,4" },
        { """{"type":"in","term":"big","values":[40, 0]}""", "4,5" },
        { """{"type":"not-null","term":"name"}""", "1,2,4,5" },
        { """{"type":"eq","term":"active","value":true}""", "1,4" },
        { """{"type":"not","child":{"type":"eq","term":"name","value":"alpha"}}""", "2,4,5" },
        { """{"type":"not-in","term":"id","values":[1, 2, 3]}""", "4,5" },
        { """{"type":"starts-with","term":"name","value":"a much"}""", "2" },
        { """{"type":"or","left":{"type":"is-null","term":"big"},"right":{"type":"lt-eq","term":"big","value":-7}}""", "2,3" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Read_WithATypedFilter_ReturnsTheMatchingIds(string filterJson, string ids)
    {
        var table = TestTables.New(warehouse.TableLocation("typed"));
        (table, _) = await tables.AppendAsync(table, TestTables.FirstBatch);
        (table, _) = await tables.AppendAsync(table, TestTables.SecondBatch);
        var filter = Iomete.Iceberg.Json.ExpressionJson.Parse(filterJson);

        var (_, rows, _) = await tables.ReadAsync(table, filter: filter);

        Assert.Equal(ids, string.Join(',', rows.Select(r => r.Split('|')[0])));
    }

    [Fact]
    public async Task Read_OfEveryPrimitiveType_ReturnsTheWrittenValues()
    {
        var table = TestTables.New(warehouse.TableLocation("values"));
        (table, _) = await tables.AppendAsync(table, TestTables.FirstBatch);

        var (columns, rows, _) = await tables.ReadAsync(table, filter: Expression.True);

        Assert.Equal(
            ["id INTEGER", "big BIGINT", "name VARCHAR", "score DOUBLE", "active BOOLEAN", "day DATE", "at TIMESTAMP", "amount DECIMAL(10,2)",
             "at_tz TIMESTAMP WITH TIME ZONE"],
            columns);
        Assert.Equal(3, rows.Count);
        Assert.StartsWith("1|9007199254740993|alpha|1.5|True|", rows[0], StringComparison.Ordinal);
        Assert.Equal("3|null|null|null|null|null|null|null|null", rows[2]);
    }
}
