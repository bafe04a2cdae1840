using Iomete.Iceberg.Json;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Iceberg.Tests.Partitioning;

public sealed class PartitionSpecTests
{
    private static readonly Schema Table = new(0, [
        T.Required(1, "id", T.Long),
        T.Optional(2, "ts", T.TimestampTz),
        T.Optional(3, "name", T.String),
        T.Optional(4, "tags", T.List(5, T.String)),
        T.Optional(6, "price", T.Decimal(10, 2)),
    ]);

    private static readonly PartitionSpec Spec = new(1, [
        new PartitionField(1, 1000, "id_bucket", Transform.Bucket(16)),
        new PartitionField(2, 1001, "ts_day", Transform.Day),
        new PartitionField(3, 1002, "name", Transform.Identity),
        new PartitionField(6, 1003, "price_trunc", Transform.Truncate(100)),
    ]);

    [Fact]
    public void ValidSpec_PassesValidation() => Spec.Validate(Table);

    [Fact]
    public void PartitionType_HasOneOptionalFieldPerPartitionField()
    {
        var type = Spec.PartitionType(Table);
        Assert.Equal(new StructType([
            new NestedField(1000, "id_bucket", false, T.Int),
            new NestedField(1001, "ts_day", false, T.Date),
            new NestedField(1002, "name", false, T.String),
            new NestedField(1003, "price_trunc", false, T.Decimal(10, 2)),
        ]), type);
    }

    [Fact]
    public void Json_RoundTripsAndUsesTheSpecMemberNames()
    {
        var json = PartitionSpecJson.ToJson(Spec);
        Assert.Contains("\"spec-id\":1", json, StringComparison.Ordinal);
        Assert.Contains("{\"name\":\"id_bucket\",\"transform\":\"bucket[16]\",\"source-id\":1,\"field-id\":1000}", json, StringComparison.Ordinal);
        Assert.Equal(Spec, PartitionSpecJson.Parse(json));
    }

    [Fact]
    public void LastAssignedFieldId_IsTheHighestFieldIdOr999()
    {
        Assert.Equal(1003, Spec.LastAssignedFieldId);
        Assert.Equal(999, PartitionSpec.Unpartitioned.LastAssignedFieldId);
        Assert.True(PartitionSpec.Unpartitioned.IsUnpartitioned);
    }

    [Theory]
    [InlineData(99, "id", "bucket[4]", "missing column id 99")]
    [InlineData(4, "t", "identity", "non-primitive source")]
    [InlineData(3, "n", "hour", "cannot apply to string")]
    [InlineData(1, "name", "bucket[2]", "conflicts with a schema column")]
    [InlineData(2, "ts_day", "month", "Duplicate partition field name")]
    public void InvalidField_IsRejected(int sourceId, string name, string transform, string problem)
    {
        var spec = new PartitionSpec(0, [
            new PartitionField(2, 1000, "ts_day", Transform.Day),
            new PartitionField(sourceId, 1001, name, Transform.Parse(transform)),
        ]);
        var ex = Assert.Throws<SchemaValidationException>(() => spec.Validate(Table));
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateFieldIds_AreRejected() =>
        Assert.Throws<SchemaValidationException>(() => new PartitionSpec(0, [
            new PartitionField(1, 1000, "a", Transform.Bucket(2)),
            new PartitionField(2, 1000, "b", Transform.Day),
        ]).Validate(Table));

    [Fact]
    public void SpecsWithSameFields_AreDetected() =>
        Assert.True(Spec.SameFields(new PartitionSpec(7, Spec.Fields)));

    [Theory]
    [InlineData("""{"spec-id":0,"fields":[{"name":"x","transform":"zorder","source-id":1,"field-id":1000}]}""", "$.fields[0].transform")]
    [InlineData("""{"spec-id":0,"fields":[{"name":"x","transform":"identity","field-id":1000}]}""", "$.fields[0]")]
    [InlineData("""{"spec-id":0,"fields":[{"transform":"identity","source-id":1}]}""", "$.fields[0]")]
    [InlineData("""{"spec-id":0}""", "$")]
    [InlineData("""{"spec-id":"0","fields":[]}""", "$.spec-id")]
    [InlineData("""{"spec-id":0,"fields":[{"name":"x","transform":"identity","source-ids":[1,2],"field-id":1000}]}""", "$.fields[0]")]
    public void MalformedSpecJson_IsAFormatError(string json, string path) =>
        Assert.Equal(path, Assert.Throws<IcebergFormatException>(() => PartitionSpecJson.Parse(json)).Path);

    [Fact]
    public void Json_WithoutSpecIdOrFieldIds_GetsDefaults()
    {
        var spec = PartitionSpecJson.Parse("""{"fields":[{"name":"a","transform":"identity","source-id":1},{"name":"b","transform":"day","source-id":2}]}""");
        Assert.Equal(0, spec.SpecId);
        Assert.Equal([1000, 1001], spec.Fields.Select(f => f.FieldId));
    }
}
