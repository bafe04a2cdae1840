using Iomete.Iceberg.Expressions;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Iceberg.Tests.Expressions;

public sealed class BinderTests
{
    private static readonly Schema Schema = new(0,
    [
        T.Required(1, "id", T.Long),
        T.Optional(2, "n", T.Int),
        T.Optional(3, "d", T.Date),
        T.Optional(4, "ts", T.Timestamp),
        T.Optional(5, "tstz", T.TimestampTz),
        T.Optional(6, "tsns", T.TimestampNs),
        T.Optional(7, "t", T.Time),
        T.Optional(8, "dec", T.Decimal(9, 2)),
        T.Optional(9, "u", T.Uuid),
        T.Optional(10, "b", T.Binary),
        T.Optional(11, "f", T.Fixed(2)),
        T.Optional(12, "s", T.String),
        T.Optional(13, "x", T.Double),
        T.Optional(14, "flag", T.Boolean),
        T.Optional(15, "st", T.Struct(T.Required(16, "inner", T.Int))),
        T.Optional(17, "l", T.List(18, T.Struct(T.Optional(19, "e", T.Int)))),
        T.Required(20, "rs", T.Struct(T.Required(21, "ri", T.Int))),
    ]);

    private static object Bound(string column, object literal) =>
        Assert.IsType<BoundPredicate>(Binder.Bind(Schema, Filter.Eq(column, literal))).Literal;

    [Theory]
    [InlineData("d", "2024-01-02", 19724)]
    [InlineData("d", 19724L, 19724)]
    [InlineData("n", 7L, 7)]
    public void Bind_ConvertsIntLikeLiterals(string column, object literal, int expected) => Assert.Equal(expected, Bound(column, literal));

    [Fact]
    public void Bind_ConvertsTemporalDecimalUuidAndBytesLiterals()
    {
        Assert.Equal(1_704_164_645_123_456L, Bound("ts", "2024-01-02T03:04:05.123456"));
        Assert.Equal(1_704_164_645_123_456L, Bound("tstz", "2024-01-02T03:04:05.123456+00:00"));
        Assert.Equal(1_704_164_645_123_456L - 3_600_000_000L, Bound("tstz", "2024-01-02T03:04:05.123456+01:00"));
        Assert.Equal(1_704_164_645_123_456L, Bound("tstz", "2024-01-02T03:04:05.123456Z"));
        Assert.Equal(1_704_164_645_123_456L, Bound("tstz", 1_704_164_645_123_456L));
        Assert.Equal(1_704_164_645_123_456_789L, Bound("tsns", "2024-01-02T03:04:05.123456789"));
        Assert.Equal(-1L, Bound("ts", "1969-12-31T23:59:59.999999"));
        Assert.Equal(81_000_000_001L, Bound("t", "22:30:00.000001"));
        Assert.Equal(12.30m, Bound("dec", "12.3"));
        Assert.Equal(12.30m, Bound("dec", 12.3m));
        Assert.Equal(Guid.Parse("eb26bdb1-a1d8-4aa6-990e-da940875492c"), Bound("u", "eb26bdb1-a1d8-4aa6-990e-da940875492c"));
        Assert.Equal(new byte[] { 0x78, 0x79, 0x7A }, Bound("b", "78797A"));
        Assert.Equal(2.0, Bound("x", 2L));
        Assert.Equal(true, Bound("flag", true));
        Assert.Equal(IcebergValues.Date(new DateOnly(2024, 1, 2)), Bound("d", new DateOnly(2024, 1, 2)));
    }

    [Theory]
    [InlineData("ts", "2024-01-02T03:04:05+00:00")]
    [InlineData("tstz", "2024-01-02T03:04:05")]
    [InlineData("ts", "2024-01-02T03:04:05.1234567")]
    [InlineData("d", "2024-13-01")]
    [InlineData("d", "01/02/2024")]
    [InlineData("dec", "1.234")]
    [InlineData("dec", "12345678.9")]
    [InlineData("u", "not-a-uuid")]
    [InlineData("b", "XYZ")]
    [InlineData("f", "010203")]
    [InlineData("n", "5")]
    [InlineData("n", 1.5)]
    [InlineData("s", 5L)]
    [InlineData("flag", "true")]
    [InlineData("missing", 1L)]
    [InlineData("st", 1L)]
    [InlineData("l.element.e", 1L)]
    public void Bind_InvalidLiteralOrColumn_ThrowsFormatException(string column, object literal)
    {
        var value = literal is double d ? (object)(decimal)d : literal;

        Assert.Throws<IcebergFormatException>(() => Binder.Bind(Schema, Filter.Eq(column, value)));
    }

    [Fact]
    public void Bind_TypeSpecificOperations_AreChecked()
    {
        Assert.Throws<IcebergFormatException>(() => Binder.Bind(Schema, Filter.IsNan("n")));
        Assert.Throws<IcebergFormatException>(() => Binder.Bind(Schema, Filter.StartsWith("n", "1")));
        Assert.Throws<IcebergFormatException>(() => Binder.Bind(Schema, Filter.Eq("x", double.NaN)));
        Assert.IsType<BoundPredicate>(Binder.Bind(Schema, Filter.IsNan("x")));
    }

    [Fact]
    public void Bind_CaseInsensitive_FindsColumnOnlyWhenAsked()
    {
        Assert.Throws<IcebergFormatException>(() => Binder.Bind(Schema, Filter.Eq("ID", 1L)));
        var p = Assert.IsType<BoundPredicate>(Binder.Bind(Schema, Filter.Eq("ID", 1L), caseSensitive: false));
        Assert.Equal(1, p.Term.FieldId);
        Assert.Equal(16, Assert.IsType<BoundPredicate>(Binder.Bind(Schema, Filter.Eq("st.inner", 1L))).Term.FieldId);
    }

    [Fact]
    public void Bind_NullTestsOnAlwaysPresentColumns_Fold()
    {
        Assert.Equal(Expression.False, Binder.Bind(Schema, Filter.IsNull("id")));
        Assert.Equal(Expression.True, Binder.Bind(Schema, Filter.NotNull("rs.ri")));
        Assert.IsType<BoundPredicate>(Binder.Bind(Schema, Filter.IsNull("st.inner")));
        Assert.Equal(Expression.True, Binder.Bind(Schema, Filter.Not(Filter.IsNull("id"))));
    }

    [Fact]
    public void Bind_IntegerOutsideTheRange_FoldsComparisons()
    {
        var big = (long)int.MaxValue + 1;

        Assert.Equal(Expression.True, Binder.Bind(Schema, Filter.Lt("n", big)));
        Assert.Equal(Expression.False, Binder.Bind(Schema, Filter.Gt("n", big)));
        Assert.Equal(Expression.False, Binder.Bind(Schema, Filter.Eq("n", big)));
        Assert.Equal(Expression.True, Binder.Bind(Schema, Filter.NotEq("n", big)));
        Assert.Equal(Expression.True, Binder.Bind(Schema, Filter.Gt("n", (long)int.MinValue - 1)));
        Assert.Equal(Expression.False, Binder.Bind(Schema, Filter.LtEq("n", (long)int.MinValue - 1)));
    }

    [Fact]
    public void Bind_Sets_DeduplicateSortAndSimplify()
    {
        var p = Assert.IsType<BoundPredicate>(Binder.Bind(Schema, Filter.In("n", 3L, 1L, 3L, (long)int.MaxValue + 5)));
        Assert.Equal(Operation.In, p.Op);
        Assert.Equal(new object[] { 1, 3 }, p.Literals);

        var single = Assert.IsType<BoundPredicate>(Binder.Bind(Schema, Filter.NotIn("n", 2L, 2L)));
        Assert.Equal(Operation.NotEq, single.Op);
        Assert.Equal(Expression.False, Binder.Bind(Schema, Filter.In("n", (long)int.MaxValue + 5)));
    }

    [Fact]
    public void Bind_TransformTerm_TypesLiteralsAsTheTransformResult()
    {
        var p = new UnboundPredicate(Operation.Eq, new TransformTerm(Transform.Day, new Reference("tstz")), ["2024-01-02"]);

        var bound = Assert.IsType<BoundPredicate>(Binder.Bind(Schema, p));

        Assert.IsType<BoundTransform>(bound.Term);
        Assert.Equal(19724, bound.Literal);
        Assert.Throws<IcebergFormatException>(() => Binder.Bind(Schema,
            new UnboundPredicate(Operation.Eq, new TransformTerm(Transform.Day, new Reference("s")), ["x"])));
    }
}
