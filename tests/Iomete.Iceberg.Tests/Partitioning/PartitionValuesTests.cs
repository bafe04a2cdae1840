using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Iceberg.Tests.Partitioning;

public sealed class PartitionValuesTests
{
    [Fact]
    public void Compute_AppliesEachFieldsTransformToItsSourceValue()
    {
        var schema = new Schema(0, [T.Required(1, "id", T.Int), T.Optional(2, "ts", T.Timestamp), T.Optional(3, "name", T.String)]);
        var spec = new PartitionSpecBuilder(schema).Bucket("id", 16).Day("ts").Truncate("name", 3).Identity("name").Build();
        var row = new Dictionary<int, object?> { [1] = 34, [2] = IcebergValues.Timestamp(new DateTime(1969, 12, 31, 23, 0, 0)), [3] = null };
        var values = PartitionValues.Compute(spec, schema, id => row[id]);
        Assert.Equal(new object?[] { (2017239379 & int.MaxValue) % 16, -1, null, null }, values);
    }

    [Fact]
    public void PreservesOrder_IsFalseOnlyForBucketAndVoid()
    {
        Assert.True(Transform.Day.PreservesOrder);
        Assert.True(Transform.Truncate(2).PreservesOrder);
        Assert.True(Transform.Identity.PreservesOrder);
        Assert.False(Transform.Bucket(2).PreservesOrder);
        Assert.False(Transform.Void.PreservesOrder);
    }
}
