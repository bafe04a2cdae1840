using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Iceberg.Tests.Partitioning;

public sealed class PartitionSpecBuilderTests
{
    private static readonly Schema Table = new(0, [
        T.Required(1, "id", T.Long),
        T.Optional(2, "ts", T.Timestamp),
        T.Optional(3, "name", T.String),
    ]);

    [Fact]
    public void Build_UsesDefaultNamesAndIdsFrom1000()
    {
        var spec = new PartitionSpecBuilder(Table).Identity("name").Bucket("id", 16).Day("ts").Truncate("name", 2).Build();
        Assert.Equal(["name", "id_bucket", "ts_day", "name_trunc"], spec.Fields.Select(f => f.Name));
        Assert.Equal([1000, 1001, 1002, 1003], spec.Fields.Select(f => f.FieldId));
        Assert.Equal([3, 1, 2, 3], spec.Fields.Select(f => f.SourceId));
    }

    [Fact]
    public void Build_ContinuesFromLastPartitionId()
    {
        var builder = new PartitionSpecBuilder(Table, specId: 2, lastPartitionId: 1005).Hour("ts", "h");
        var spec = builder.Build();
        Assert.Equal(2, spec.SpecId);
        Assert.Equal(1006, spec.Fields.Single().FieldId);
        Assert.Equal(1006, builder.LastPartitionId);
    }

    [Fact]
    public void Build_RejectsMissingColumnsRedundantFieldsAndBadTransforms()
    {
        Assert.Throws<SchemaValidationException>(() => new PartitionSpecBuilder(Table).Identity("nope"));
        Assert.Throws<SchemaValidationException>(() => new PartitionSpecBuilder(Table).Day("ts").Day("ts", "again"));
        Assert.Throws<SchemaValidationException>(() => new PartitionSpecBuilder(Table).Hour("name").Build());
        Assert.Throws<SchemaValidationException>(() => new PartitionSpecBuilder(Table).Bucket("id", 2, "name").Build());
    }

    [Theory]
    [InlineData("int", 34, 79)]
    [InlineData("string", "iceberg", 89)]
    public void Bucket100_MatchesTheVerificationCases(string type, object value, int expected) =>
        Assert.Equal(expected, Transform.Bucket(100).Apply(Iomete.Iceberg.Json.TypeJson.ParsePrimitive(type), value));

    [Fact]
    public void Bucket100_OfDecimal14_20_Is59() => Assert.Equal(59, Transform.Bucket(100).Apply(T.Decimal(9, 2), 14.20m));
}
