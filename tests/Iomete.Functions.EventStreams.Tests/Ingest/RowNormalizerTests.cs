using System.Text;
using System.Text.Json.Nodes;
using Iomete.Engine.Catalogs;
using Iomete.Functions.EventStreams.Ingest.Rows;
using Iomete.Functions.EventStreams.Streams;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;
using Iomete.Iceberg.Types;

namespace Iomete.Functions.EventStreams.Tests.Ingest;

public sealed class RowNormalizerTests
{
    private const long Micros = 1_767_323_045_123_456;

    internal static TableShape Shape(params NestedField[] fields)
    {
        var schema = new Schema(0, fields);
        var metadata = TableMetadata.NewTable(schema, PartitionSpec.Unpartitioned, SortOrder.Unsorted, "file:///tmp/t", new Dictionary<string, string>(), 2);
        return TableShape.Of(new TableIdent("c", "d", "t"), metadata);
    }

    private static readonly TableShape Events = Shape(
        new NestedField(1, "id", true, IcebergTypes.Long),
        new NestedField(2, "name", false, IcebergTypes.String),
        new NestedField(3, "amount", false, new DecimalType(10, 2)),
        new NestedField(4, "at", false, IcebergTypes.TimestampTz),
        new NestedField(5, "ok", false, IcebergTypes.Boolean),
        new NestedField(6, "tags", false, new ListType(7, IcebergTypes.String, false)),
        new NestedField(8, "geo", false, new StructType([new NestedField(9, "lat", true, IcebergTypes.Double), new NestedField(10, "lon", true, IcebergTypes.Double)])));

    private static NormalizedBody Run(string body, bool ndjson = false, InvalidRowPolicy policy = InvalidRowPolicy.Reject) =>
        RowNormalizer.Normalize(Encoding.UTF8.GetBytes(body), ndjson, Events, policy, Micros);

    private static List<JsonObject> Lines(ReadOnlyMemory<byte> rows) =>
        Encoding.UTF8.GetString(rows.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

    [Fact]
    public void JsonArray_IsNormalized_UnknownFieldsDropped_NestedValuesBecomeText()
    {
        var result = Run("""[{"id":1,"name":{"first":"A"},"amount":"12.5","at":1767323045123,"ok":"true","tags":["x",2],"geo":{"lat":1,"lon":2,"alt":3},"extra":9},{"id":"2"}]""");
        Assert.Null(result.Malformed);
        Assert.Equal(2, result.RowCount);
        var rows = Lines(result.Rows);
        Assert.Equal(1, (long)rows[0]["id"]!);
        Assert.Equal("""{"first":"A"}""", (string)rows[0]["name"]!);
        Assert.Equal("12.50", (string)rows[0]["amount"]!);
        Assert.Equal(1_767_323_045_123_000, (long)rows[0]["at"]!);
        Assert.True((bool)rows[0]["ok"]!);
        Assert.Equal("2", (string)rows[0]["tags"]![1]!);
        Assert.False(rows[0]["geo"]!.AsObject().ContainsKey("alt"));
        Assert.False(rows[0].ContainsKey("extra"));
        Assert.Equal(Micros, (long)rows[0]["__ts__"]!);
        Assert.Equal(2, (long)rows[1]["id"]!);
    }

    [Theory]
    [InlineData("2026-01-02T03:04:05Z", 1_767_323_045_000_000)]
    [InlineData("2026-01-02 03:04:05.1234567", 1_767_323_045_123_456)]
    [InlineData("2026-01-02T05:04:05+02:00", 1_767_323_045_000_000)]
    [InlineData("2026-01-02T01:04:05-0200", 1_767_323_045_000_000)]
    [InlineData("Fri, 02 Jan 2026 03:04:05 GMT", 1_767_323_045_000_000)]
    public void Timestamps_AreReadInTheirCommonForms(string text, long micros)
    {
        var result = Run($$$"""[{"id":1,"at":"{{{text}}}","geo":{"lat":1,"lon":2}}]""");
        Assert.Equal(micros, (long)Lines(result.Rows).Single()["at"]!);
    }

    [Fact]
    public void InvalidRows_InNdjson_DoNotDisturbTheirNeighbours()
    {
        var result = Run("{\"id\":1}\n{\"id\":\"x\",\"name\":\"q\"}\n{\"id\":2} {}\n{\"id\":3", ndjson: true, policy: InvalidRowPolicy.DeadLetter);
        Assert.Equal(1, result.RowCount);
        Assert.Equal(3, result.DeadLetterCount);
        Assert.Equal([1L], Lines(result.Rows).Select(r => (long)r["id"]!));
        Assert.Equal([1, 2, 3], Lines(result.DeadLetterRows).Select(r => (int)r["row_index"]!));
    }

    [Fact]
    public void SingleObject_AndNdjson_AreAccepted()
    {
        Assert.Equal(1, Run("""{"id":7}""").RowCount);
        var lines = Run("{\"id\":1}\n\n{\"id\":2}\r\n{\"id\":3}", ndjson: true);
        Assert.Equal(3, lines.RowCount);
        Assert.Equal([1L, 2, 3], Lines(lines.Rows).Select(r => (long)r["id"]!));
    }

    [Fact]
    public void TypeMismatches_AreReportedPerRowAndColumn_AndRejectWritesNothing()
    {
        var result = Run("""[{"id":1},{"id":"x"},{"id":2,"amount":"1.234"},{"name":"no id"},{"id":3,"geo":{"lat":1}},5]""");
        Assert.Equal(0, result.RowCount);
        Assert.True(result.Rows.IsEmpty);
        Assert.Equal(5, result.InvalidCount);
        Assert.Contains(result.Errors, e => e is { Row: 1, Column: "id" } && e.Message.Contains("integer", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e is { Row: 2, Column: "amount" } && e.Message.Contains("2 digits", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e is { Row: 3, Column: "id" } && e.Message.Contains("missing", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e is { Row: 4, Column: "geo.lon" });
        Assert.Contains(result.Errors, e => e is { Row: 5, Column: "" });
    }

    [Fact]
    public void DeadLetterPolicy_WritesGoodRows_AndKeepsBadRowsWithTheirErrors()
    {
        var result = Run("""[{"id":1},{"id":"x","name":"bad"},{"id":2}]""", policy: InvalidRowPolicy.DeadLetter);
        Assert.Equal(2, result.RowCount);
        Assert.Equal(1, result.DeadLetterCount);
        var dead = Lines(result.DeadLetterRows).Single();
        Assert.Equal(1, (int)dead["row_index"]!);
        Assert.Equal("id", (string)dead["error_column"]!);
        Assert.Equal("""{"id":"x","name":"bad"}""", (string)dead["payload"]!);
        Assert.Equal(Micros, (long)dead["__ts__"]!);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("[1,", "not valid JSON")]
    [InlineData("\"text\"", "array of objects")]
    [InlineData("[{}] x", "not valid JSON")]
    public void MalformedBodies_AreRefusedAsAWhole(string body, string expected)
    {
        var result = Run(body);
        Assert.NotNull(result.Malformed);
        Assert.Contains(expected, result.Malformed, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8_IsRefused()
    {
        var result = RowNormalizer.Normalize(new byte[] { (byte)'[', 0xC3, 0x28, (byte)']' }, false, Events, InvalidRowPolicy.Reject, Micros);
        Assert.Contains("UTF-8", result.Malformed, StringComparison.Ordinal);
    }

    [Fact]
    public void ClientValuesForSystemColumns_AreIgnored()
    {
        var shape = Shape(new NestedField(1, "id", false, IcebergTypes.Long), new NestedField(2, "__ts__", false, IcebergTypes.TimestampTz));
        var result = RowNormalizer.Normalize("""[{"id":1,"__ts__":"garbage","__id__":"x"}]"""u8, false, shape, InvalidRowPolicy.Reject, Micros);
        var row = Lines(result.Rows).Single();
        Assert.Equal(Micros, (long)row["__ts__"]!);
        Assert.False(row.ContainsKey("__id__"));
    }

    [Fact]
    public void UnsupportedColumnTypes_AreNamed()
    {
        var e = Assert.Throws<NotSupportedException>(() => Shape(new NestedField(1, "m", false, new MapType(2, IcebergTypes.Int, 3, IcebergTypes.String, false))));
        Assert.Contains("'m'", e.Message, StringComparison.Ordinal);
    }
}
