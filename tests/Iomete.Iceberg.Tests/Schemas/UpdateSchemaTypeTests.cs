using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Iceberg.Tests.Schemas;

public sealed class UpdateSchemaTypeTests
{
    private static readonly Schema Base = new(3, [
        T.Required(1, "id", T.Int),
        T.Optional(2, "score", T.Float),
        T.Optional(3, "price", T.Decimal(9, 2)),
        T.Optional(4, "day", T.Date),
        T.Optional(5, "name", T.String),
        T.Optional(6, "ids", T.List(7, T.Int, true)),
        T.Optional(8, "nothing", T.Unknown),
        T.Optional(9, "m", T.Map(10, T.String, 11, T.Int)),
    ], [1]);

    private static UpdateSchema Update(int formatVersion = 2, params PartitionSpec[] specs) => new(Base, 11, formatVersion, specs);

    [Fact]
    public void AllowedPromotions_AreApplied()
    {
        var schema = Update().UpdateColumn("id", T.Long).UpdateColumn("score", T.Double)
            .UpdateColumn("price", T.Decimal(18, 2)).UpdateColumn("ids.element", T.Long).UpdateColumn("m.value", T.Long).Apply();
        Assert.Equal(T.Long, schema.FindField(1)!.Type);
        Assert.Equal(T.Double, schema.FindField(2)!.Type);
        Assert.Equal(T.Decimal(18, 2), schema.FindField(3)!.Type);
        Assert.Equal(new ListType(7, T.Long, true), schema.FindField(6)!.Type);
        Assert.Equal(T.Long, schema.FindField(11)!.Type);
        Assert.Equal(4, schema.SchemaId);
    }

    [Theory]
    [InlineData("id", "string")]
    [InlineData("id", "float")]
    [InlineData("score", "int")]
    [InlineData("price", "decimal(8,2)")]
    [InlineData("price", "decimal(18,3)")]
    [InlineData("name", "binary")]
    [InlineData("day", "timestamp")]
    [InlineData("nothing", "string")]
    public void IllegalPromotions_InV2_AreRejected(string column, string type) =>
        Assert.Contains("Cannot change column type", Assert.Throws<SchemaValidationException>(
            () => Update().UpdateColumn(column, Iomete.Iceberg.Json.TypeJson.ParsePrimitive(type))).Message, StringComparison.Ordinal);

    [Fact]
    public void V3Promotions_DateToTimestampAndUnknownToAny_AreAllowed()
    {
        var schema = Update(3).UpdateColumn("day", T.Timestamp).UpdateColumn("nothing", T.String).Apply();
        Assert.Equal(T.Timestamp, schema.FindField(4)!.Type);
        Assert.Equal(T.String, schema.FindField(8)!.Type);
        Assert.Throws<SchemaValidationException>(() => Update(3).UpdateColumn("day", T.TimestampTz));
    }

    [Fact]
    public void DateToTimestamp_OnAnIdentityPartitionSource_IsRejected()
    {
        var byDay = new PartitionSpec(0, [new PartitionField(4, 1000, "day_day", Transform.Day)]);
        var byIdentity = new PartitionSpec(1, [new PartitionField(4, 1001, "day", Transform.Identity)]);
        Assert.Equal(T.Timestamp, Update(3, byDay).UpdateColumn("day", T.Timestamp).Apply().FindField(4)!.Type);
        Assert.Contains("partition", Assert.Throws<SchemaValidationException>(
            () => Update(3, byIdentity).UpdateColumn("day", T.Timestamp)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestedColumn_CannotChangeType() =>
        Assert.Throws<SchemaValidationException>(() => Update().UpdateColumn("ids", T.Long));

    [Fact]
    public void MakeColumnOptional_ClearsRequired()
    {
        var schema = Update().MakeColumnOptional("ids.element").Apply();
        Assert.False(((ListType)schema.FindField(6)!.Type).ElementRequired);
    }

    [Fact]
    public void MakeIdentifierOptional_IsRejectedOnApply() =>
        Assert.Throws<SchemaValidationException>(() => Update().MakeColumnOptional("id").Apply());

    [Fact]
    public void MapKey_CannotBecomeOptional() =>
        Assert.Throws<SchemaValidationException>(() => Update().MakeColumnOptional("m.key"));

    [Fact]
    public void UpdateColumnDoc_SetsAndClearsTheDoc()
    {
        var schema = Update().UpdateColumnDoc("name", "the name").Apply();
        Assert.Equal("the name", schema.FindField("name")!.Doc);
        Assert.Null(new UpdateSchema(schema, 11).UpdateColumnDoc("name", null).Apply().FindField("name")!.Doc);
    }

    [Fact]
    public void UpdateColumnDefault_ChangesOnlyTheWriteDefault()
    {
        var v3 = Update(3).AddRequiredColumn(null, "n", T.Int, DefaultValue.Of(1)).Apply();
        var field = new UpdateSchema(v3, 12, 3).UpdateColumnDefault("n", DefaultValue.Of(2)).Apply().FindField("n")!;
        Assert.Equal("1", field.InitialDefault!.Json);
        Assert.Equal("2", field.WriteDefault!.Json);
        Assert.Throws<SchemaValidationException>(() => Update(2).UpdateColumnDefault("name", DefaultValue.Of("x")));
    }

    [Fact]
    public void Moves_ReorderSiblings()
    {
        var schema = Update().MoveFirst("name").MoveAfter("id", "price").MoveBefore("m", "score").Apply();
        Assert.Equal(["name", "m", "score", "price", "id", "day", "ids", "nothing"], schema.Fields.Select(f => f.Name));
    }

    [Fact]
    public void Move_OfANewColumn_Works()
    {
        var schema = Update().AddColumn(null, "first", T.Int).MoveFirst("first").Apply();
        Assert.Equal("first", schema.Fields[0].Name);
    }

    [Fact]
    public void Moves_AcrossParentsOrRelativeToItself_AreRejected()
    {
        Assert.Throws<SchemaValidationException>(() => Update().MoveAfter("name", "name"));
        Assert.Throws<SchemaValidationException>(() => Update().AddColumn(null, "s", T.Struct(T.Optional(0, "a", T.Int))).MoveBefore("s.a", "id"));
    }

    [Fact]
    public void SetIdentifierFields_ReplacesTheIdentifiers()
    {
        Assert.Empty(Update().SetIdentifierFields().Apply().IdentifierFieldIds);
        var withoutIdentifiers = new Schema(0, Base.Fields);
        Assert.Equal([1], new UpdateSchema(withoutIdentifiers, 11).SetIdentifierFields("id").Apply().IdentifierFieldIds);
        Assert.Contains("must be required", Assert.Throws<SchemaValidationException>(() => Update().SetIdentifierFields("name").Apply()).Message, StringComparison.Ordinal);
        Assert.Throws<SchemaValidationException>(() => Update().SetIdentifierFields("score").Apply());
        Assert.Throws<SchemaValidationException>(() => Update().SetIdentifierFields("ids.element").Apply());
    }

    [Fact]
    public void Apply_WithExplicitSchemaId_UsesIt() => Assert.Equal(9, Update().Apply(9).SchemaId);

    [Fact]
    public void TypePromotion_SameTypeIsAlwaysAllowed() => Assert.True(TypePromotion.IsAllowed(T.String, T.String, 1));
}
