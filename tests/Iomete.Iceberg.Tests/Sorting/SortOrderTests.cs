using Iomete.Iceberg.Json;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Iceberg.Tests.Sorting;

public sealed class SortOrderTests
{
    private static readonly Schema Table = new(0, [
        T.Required(1, "id", T.Long),
        T.Optional(2, "ts", T.Timestamp),
        T.Optional(3, "s", T.Struct(T.Optional(4, "a", T.Int))),
    ]);

    private static readonly SortOrder Order = new(3, [
        new SortField(1, Transform.Bucket(4), SortDirection.Desc, NullOrder.NullsLast),
        new SortField(2, Transform.Day, SortDirection.Asc, NullOrder.NullsFirst),
    ]);

    [Fact]
    public void Json_RoundTripsWithTheSpecsSpelling()
    {
        var json = SortOrderJson.ToJson(Order);
        Assert.Equal(
            """{"order-id":3,"fields":[{"transform":"bucket[4]","source-id":1,"direction":"desc","null-order":"nulls-last"},{"transform":"day","source-id":2,"direction":"asc","null-order":"nulls-first"}]}""",
            json);
        Assert.Equal(Order, SortOrderJson.Parse(json));
    }

    [Fact]
    public void Unsorted_HasIdZeroAndNoFields()
    {
        Assert.Equal("""{"order-id":0,"fields":[]}""", SortOrderJson.ToJson(SortOrder.Unsorted));
        Assert.True(SortOrderJson.Parse("""{"order-id":0,"fields":[]}""").IsUnsorted);
    }

    [Fact]
    public void OrderIdZero_WithFields_IsRejected() =>
        Assert.Throws<SchemaValidationException>(() => new SortOrder(0, [SortField.Of(1)]));

    [Fact]
    public void NonZeroOrder_WithoutFields_IsRejected() =>
        Assert.Throws<IcebergFormatException>(() => SortOrderJson.Parse("""{"order-id":2,"fields":[]}"""));

    [Fact]
    public void SortField_Of_UsesTheDefaultNullOrders()
    {
        Assert.Equal(NullOrder.NullsFirst, SortField.Of(1).NullOrder);
        Assert.Equal(NullOrder.NullsLast, SortField.Of(1, SortDirection.Desc).NullOrder);
    }

    [Fact]
    public void Validate_AcceptsKnownPrimitiveSources() => Order.Validate(Table);

    [Theory]
    [InlineData(9, "identity", "missing column id 9")]
    [InlineData(3, "identity", "non-primitive")]
    [InlineData(1, "hour", "cannot sort")]
    public void Validate_RejectsBadSources(int sourceId, string transform, string problem) =>
        Assert.Contains(problem, Assert.Throws<SchemaValidationException>(() =>
            new SortOrder(1, [new SortField(sourceId, Transform.Parse(transform), SortDirection.Asc, NullOrder.NullsFirst)]).Validate(Table)).Message,
            StringComparison.Ordinal);

    [Theory]
    [InlineData("""{"order-id":1,"fields":[{"transform":"identity","source-id":1,"direction":"up","null-order":"nulls-first"}]}""", "$.fields[0].direction")]
    [InlineData("""{"order-id":1,"fields":[{"transform":"identity","source-id":1,"direction":"asc","null-order":"first"}]}""", "$.fields[0].null-order")]
    [InlineData("""{"order-id":1,"fields":[{"transform":"identity","source-id":1,"direction":"asc"}]}""", "$.fields[0]")]
    [InlineData("""{"fields":[]}""", "$")]
    [InlineData("""[]""", "$")]
    public void MalformedJson_IsAFormatErrorNamingThePath(string json, string path) =>
        Assert.Equal(path, Assert.Throws<IcebergFormatException>(() => SortOrderJson.Parse(json)).Path);
}
