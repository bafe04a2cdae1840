using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Iceberg.Tests.Schemas;

public sealed class SchemaTests
{
    private static readonly Schema Sample = new(1, [
        T.Required(1, "id", T.Long),
        T.Optional(2, "Location", T.Struct(T.Required(3, "lat", T.Long), T.Required(4, "lon", T.Double))),
        T.Optional(5, "tags", T.List(6, T.String, true)),
        T.Optional(7, "points", T.List(8, T.Struct(T.Required(9, "x", T.Int)), false)),
        T.Optional(10, "attrs", T.Map(11, T.String, 12, T.Struct(T.Optional(13, "v", T.String)))),
    ], [1]);

    [Fact]
    public void FindField_ById_FindsNestedFields()
    {
        Assert.Equal("lat", Sample.FindField(3)!.Name);
        Assert.Equal(T.String, Sample.FindField(6)!.Type);
        Assert.Equal("v", Sample.FindField(13)!.Name);
        Assert.Null(Sample.FindField(99));
    }

    [Theory]
    [InlineData("id", 1)]
    [InlineData("Location.lat", 3)]
    [InlineData("tags.element", 6)]
    [InlineData("points.element.x", 9)]
    [InlineData("points.x", 9)]
    [InlineData("attrs.key", 11)]
    [InlineData("attrs.value.v", 13)]
    [InlineData("attrs.v", 13)]
    public void FindField_ByDottedName_FindsTheField(string name, int id) => Assert.Equal(id, Sample.FindField(name)!.Id);

    [Fact]
    public void FindField_ByName_IsCaseSensitiveUnlessAsked()
    {
        Assert.Null(Sample.FindField("location.LAT"));
        Assert.Equal(3, Sample.FindField("location.LAT", caseSensitive: false)!.Id);
    }

    [Fact]
    public void FindColumnName_GivesTheFullDottedName()
    {
        Assert.Equal("points.element.x", Sample.FindColumnName(9));
        Assert.Equal("attrs.value", Sample.FindColumnName(12));
    }

    [Fact]
    public void HighestFieldId_LooksAtEveryDepth() => Assert.Equal(13, Sample.HighestFieldId);

    [Fact]
    public void ParentId_WalksUpTheTree()
    {
        Assert.Equal(8, Sample.ParentId(9));
        Assert.Equal(7, Sample.ParentId(8));
        Assert.Null(Sample.ParentId(7));
    }

    [Fact]
    public void DuplicateIds_AreRejected() =>
        Assert.Throws<SchemaValidationException>(() => new Schema(0, [T.Required(1, "a", T.Int), T.Optional(2, "s", T.Struct(T.Required(1, "b", T.Int)))]));

    [Fact]
    public void DuplicateNames_AreRejected() =>
        Assert.Throws<SchemaValidationException>(() => new Schema(0, [T.Required(1, "a", T.Int), T.Required(2, "a", T.Long)]));

    [Theory]
    [InlineData(3, "nested in an optional struct")]
    [InlineData(6, "nested in a list or map")]
    [InlineData(13, "must be required")]
    [InlineData(2, "must be a primitive")]
    [InlineData(99, "is not in the schema")]
    public void IdentifierFields_MustBeRequiredPrimitivesOutsideCollections(int id, string problem)
    {
        var ex = Assert.Throws<SchemaValidationException>(() => new Schema(0, Sample.Fields, [id]));
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IdentifierFields_MustNotBeFloatingPoint() =>
        Assert.Contains("float or double", Assert.Throws<SchemaValidationException>(
            () => new Schema(0, [T.Required(1, "d", T.Double)], [1])).Message, StringComparison.Ordinal);

    [Fact]
    public void IdentifierFields_InRequiredStruct_AreAllowed()
    {
        var schema = new Schema(0, [T.Required(1, "s", T.Struct(T.Required(2, "k", T.String)))], [2]);
        Assert.Equal(["s.k"], schema.IdentifierFieldNames);
    }

    [Fact]
    public void Schemas_HaveValueEquality()
    {
        Assert.Equal(Sample, new Schema(1, Sample.Fields, [1]));
        Assert.NotEqual(Sample, new Schema(2, Sample.Fields, [1]));
        Assert.True(Sample.SameColumns(Sample.WithSchemaId(2)));
    }
}
