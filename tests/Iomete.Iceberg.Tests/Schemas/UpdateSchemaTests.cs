using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Iceberg.Tests.Schemas;

public sealed class UpdateSchemaTests
{
    private static readonly Schema Base = new(0, [
        T.Required(1, "id", T.Long),
        T.Optional(2, "count", T.Int),
        T.Optional(3, "price", T.Decimal(9, 2)),
        T.Optional(4, "loc", T.Struct(T.Optional(5, "lat", T.Float), T.Optional(6, "lon", T.Float))),
        T.Optional(7, "tags", T.List(8, T.String, true)),
        T.Optional(9, "points", T.List(10, T.Struct(T.Required(11, "x", T.Int)))),
        T.Optional(12, "day", T.Date),
    ], [1]);

    private static UpdateSchema Update(int formatVersion = 2) => new(Base, 12, formatVersion);

    [Fact]
    public void AddColumn_AssignsTheNextIdsIncludingNestedOnes()
    {
        var update = Update().AddColumn(null, "props", T.Map(0, T.String, 0, T.Struct(T.Optional(0, "v", T.Int))));
        var schema = update.Apply();
        var props = schema.FindField("props")!;
        Assert.Equal(13, props.Id);
        Assert.False(props.Required);
        Assert.Equal(new MapType(14, T.String, 15, T.Struct(T.Optional(16, "v", T.Int)), false), props.Type);
        Assert.Equal(16, update.LastColumnId);
        Assert.Equal(1, schema.SchemaId);
    }

    [Fact]
    public void AddColumn_IntoNestedStructOrListElement()
    {
        var schema = Update().AddColumn("loc", "alt", T.Double).AddColumn("points", "y", T.Int).Apply();
        Assert.Equal(13, schema.FindField("loc.alt")!.Id);
        Assert.Equal(14, schema.FindField("points.element.y")!.Id);
    }

    [Fact]
    public void AddColumn_ContinuesFromLastColumnIdEvenIfHigherThanTheSchema()
    {
        var schema = new UpdateSchema(Base, 40).AddColumn(null, "n", T.String).Apply();
        Assert.Equal(41, schema.FindField("n")!.Id);
    }

    [Theory]
    [InlineData(null, "id", "already has a column")]
    [InlineData(null, "a.b", "contain no '.'")]
    [InlineData("tags", "x", "not a struct")]
    [InlineData("nope", "x", "not found")]
    [InlineData("loc", "lat", "already has a column")]
    public void AddColumn_RejectsConflictsAndBadParents(string? parent, string name, string problem) =>
        Assert.Contains(problem, Assert.Throws<SchemaValidationException>(() => Update().AddColumn(parent, name, T.Int)).Message, StringComparison.Ordinal);

    [Fact]
    public void AddColumn_CaseInsensitive_RejectsNamesDifferingOnlyInCase() =>
        Assert.Throws<SchemaValidationException>(() => Update().CaseSensitive(false).AddColumn(null, "ID", T.Int));

    [Fact]
    public void AddRequiredColumn_InV3_SetsBothDefaults()
    {
        var field = Update(3).AddRequiredColumn(null, "flag", T.Boolean, DefaultValue.Of(true)).Apply().FindField("flag")!;
        Assert.True(field.Required);
        Assert.Equal("true", field.InitialDefault!.Json);
        Assert.Equal("true", field.WriteDefault!.Json);
    }

    [Fact]
    public void AddRequiredColumn_BeforeV3OrWithNullDefault_IsRejected()
    {
        Assert.Throws<SchemaValidationException>(() => Update(2).AddRequiredColumn(null, "flag", T.Boolean, DefaultValue.Of(true)));
        Assert.Throws<SchemaValidationException>(() => Update(3).AddRequiredColumn(null, "flag", T.Boolean, new DefaultValue(null)));
        Assert.Throws<SchemaValidationException>(() => Update(3).AddRequiredColumn(null, "flag", T.Boolean, DefaultValue.Of("yes")));
    }

    [Fact]
    public void DeleteColumn_RemovesItAndItsChildren()
    {
        var schema = Update().DeleteColumn("loc").DeleteColumn("count").Apply();
        Assert.Null(schema.FindField(4));
        Assert.Null(schema.FindField(5));
        Assert.Null(schema.FindField("count"));
        Assert.Equal(["id", "price", "tags", "points", "day"], schema.Fields.Select(f => f.Name));
    }

    [Fact]
    public void DeleteColumn_OfIdentifierField_IsRejectedUnlessIdentifiersChange()
    {
        Assert.Contains("identifier field", Assert.Throws<SchemaValidationException>(() => Update().DeleteColumn("id").Apply()).Message, StringComparison.Ordinal);
        var schema = Update().SetIdentifierFields().DeleteColumn("id").Apply();
        Assert.Empty(schema.IdentifierFieldIds);
    }

    [Fact]
    public void DeletedColumn_CannotBeChangedAfterwards() =>
        Assert.Contains("deleted", Assert.Throws<SchemaValidationException>(() => Update().DeleteColumn("count").RenameColumn("count", "c")).Message, StringComparison.Ordinal);

    [Fact]
    public void DeletedName_CanBeReusedByANewColumn()
    {
        var schema = Update().DeleteColumn("count").AddColumn(null, "count", T.Long).Apply();
        Assert.Equal(13, schema.FindField("count")!.Id);
    }

    [Fact]
    public void ListElement_CannotBeDeletedOrRenamed()
    {
        Assert.Throws<SchemaValidationException>(() => Update().DeleteColumn("tags.element"));
        Assert.Throws<SchemaValidationException>(() => Update().RenameColumn("tags.element", "e"));
    }

    [Fact]
    public void RenameColumn_KeepsTheId()
    {
        var schema = Update().RenameColumn("loc.lat", "latitude").RenameColumn("count", "total").Apply();
        Assert.Equal(5, schema.FindField("loc.latitude")!.Id);
        Assert.Equal(2, schema.FindField("total")!.Id);
    }

    [Fact]
    public void RenameColumn_ToASiblingsName_IsRejected() =>
        Assert.Throws<SchemaValidationException>(() => Update().RenameColumn("count", "price"));

    [Fact]
    public void Rename_ThenLookupByTheOldName_StillFindsTheColumn()
    {
        var schema = Update().RenameColumn("count", "total").UpdateColumnDoc("count", "how many").Apply();
        Assert.Equal("how many", schema.FindField("total")!.Doc);
    }
}
