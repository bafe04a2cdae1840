using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Iceberg.Tests.Schemas;

public sealed class FreshIdsTests
{
    [Fact]
    public void Assign_NumbersEachStructsFieldsBeforeTheirChildren()
    {
        var requested = new Schema(7, [
            T.Required(10, "id", T.Long),
            T.Optional(20, "s", T.Struct(T.Optional(30, "a", T.Int), T.Optional(31, "b", T.List(40, T.String)))),
            T.Optional(50, "m", T.Map(51, T.String, 52, T.Int)),
        ], [10]);
        var (schema, last, map) = FreshIds.Assign(requested);
        Assert.Equal(0, schema.SchemaId);
        Assert.Equal([1, 2, 3], schema.Fields.Select(f => f.Id));
        Assert.Equal(4, schema.FindField("s.a")!.Id);
        Assert.Equal(5, schema.FindField("s.b")!.Id);
        Assert.Equal(6, ((ListType)schema.FindField("s.b")!.Type).ElementId);
        Assert.Equal(new MapType(7, T.String, 8, T.Int, false), schema.FindField("m")!.Type);
        Assert.Equal(8, last);
        Assert.Equal([1], schema.IdentifierFieldIds);
        Assert.Equal(2, map[20]);
    }
}
