using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Types;
using static Iomete.Iceberg.Tests.Manifests.ManifestFixtures;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Iceberg.Tests.Manifests;

public sealed class PartitionSummaryTests
{
    private static IReadOnlyList<PartitionFieldSummary> Summaries()
    {
        var writer = new ManifestWriter(Schema, Spec, 1);
        writer.Add(File("a", Partition(7, "pear", score: 2.5)));
        writer.Add(File("b", Partition(3, null, score: double.NaN)));
        writer.Add(File("c", Partition(12, "apple", score: -1.0)));
        Write(writer, "m", out var manifest);
        return manifest.Partitions!;
    }

    private static object? Bound(byte[]? bytes, PrimitiveType type) => bytes is null ? null : SingleValue.Deserialize(type, bytes);

    [Fact]
    public void IntField_HasMinAndMaxBounds()
    {
        var bucket = Summaries()[0];
        Assert.False(bucket.ContainsNull);
        Assert.Equal(3, Bound(bucket.LowerBound, T.Int));
        Assert.Equal(12, Bound(bucket.UpperBound, T.Int));
    }

    [Fact]
    public void StringField_RecordsNullsAndBoundsWithoutThem()
    {
        var name = Summaries()[1];
        Assert.True(name.ContainsNull);
        Assert.Equal("apple", Bound(name.LowerBound, T.String));
        Assert.Equal("pear", Bound(name.UpperBound, T.String));
    }

    [Fact]
    public void DoubleField_RecordsNanAndExcludesItFromBounds()
    {
        var score = Summaries()[6];
        Assert.True(score.ContainsNan);
        Assert.Equal(-1.0, Bound(score.LowerBound, T.Double));
        Assert.Equal(2.5, Bound(score.UpperBound, T.Double));
    }

    [Fact]
    public void EmptyManifest_HasSummariesWithoutBounds()
    {
        var writer = new ManifestWriter(Schema, Spec, 1);
        Write(writer, "m", out var manifest);
        Assert.Equal(11, manifest.Partitions!.Count);
        Assert.All(manifest.Partitions, p => Assert.Null(p.LowerBound));
    }
}
