using Iomete.Iceberg.Expressions;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Iceberg.Tests.Expressions;

public sealed class ProjectionTests
{
    private static readonly Schema Schema = new(0,
    [
        T.Required(1, "id", T.Long),
        T.Optional(2, "name", T.String),
        T.Optional(3, "ts", T.TimestampTz),
        T.Optional(4, "d", T.Date),
        T.Optional(5, "amount", T.Decimal(9, 2)),
        T.Optional(6, "n", T.Int),
    ]);

    private static readonly PartitionSpec Spec = new(1,
    [
        new PartitionField(1, 1000, "id_bucket", Transform.Bucket(8)),
        new PartitionField(2, 1001, "name_trunc", Transform.Truncate(2)),
        new PartitionField(3, 1002, "ts_day", Transform.Day),
        new PartitionField(3, 1003, "ts_hour", Transform.Hour),
        new PartitionField(4, 1004, "d_month", Transform.Month),
        new PartitionField(4, 1005, "d_year", Transform.Year),
        new PartitionField(5, 1006, "amount_trunc", Transform.Truncate(100)),
        new PartitionField(6, 1007, "n", Transform.Identity),
        new PartitionField(6, 1008, "n_void", Transform.Void),
    ]);

    [Fact]
    public void Bucket_ProjectsEqualityAndSets_NotRanges()
    {
        var eq = Project(Filter.Eq("id", 34L));
        var p = Assert.IsType<BoundPredicate>(eq);
        Assert.Equal(1000, p.Term.FieldId);
        Assert.Equal(Transform.Bucket(8).Apply(T.Long, 34L), p.Literal);
        Assert.Equal(Expression.True, Project(Filter.Lt("id", 34L)));
        Assert.Equal(Expression.True, Project(Filter.NotEq("id", 34L)));
    }

    [Fact]
    public void Truncate_StartsWith_UsesThePrefixOrTheTruncatedValue()
    {
        var shortPrefix = Assert.IsType<BoundPredicate>(Project(Filter.StartsWith("name", "a")));
        Assert.Equal(Operation.StartsWith, shortPrefix.Op);
        var longPrefix = Assert.IsType<BoundPredicate>(Project(Filter.StartsWith("name", "abc")));
        Assert.Equal((Operation.Eq, (object)"ab"), (longPrefix.Op, longPrefix.Literal));
        Assert.Equal(Expression.True, Project(Filter.NotStartsWith("name", "abc")));
    }

    [Fact]
    public void StrictBounds_MoveByOneUnitBeforeTheTransform()
    {
        // ts < midnight projects to day <= the previous day, not the day of midnight.
        var p = Assert.IsType<And>(Project(Filter.Lt("ts", "2024-01-02T00:00:00+00:00")));
        var day = Assert.IsType<BoundPredicate>(p.Left);
        Assert.Equal((Operation.LtEq, (object)19723), (day.Op, day.Literal));
    }

    [Fact]
    public void RandomValuesAndFilters_ProjectionNeverExcludesTheValuesPartition()
    {
        var random = new Random(7);
        string[] names = ["", "a", "ab", "abc", "abd", "b", "bz", "é", "éa"];
        for (var round = 0; round < 3000; round++)
        {
            var row = new Dictionary<int, object?>
            {
                [1] = (long)random.Next(-50, 50),
                [2] = random.Next(8) == 0 ? null : names[random.Next(names.Length)],
                [3] = random.Next(8) == 0 ? null : (long)random.Next(-3, 3) * 86_400_000_000L + random.Next(-2, 3) * 3_600_000_000L + random.Next(-1, 2),
                [4] = random.Next(8) == 0 ? null : random.Next(-400, 400),
                [5] = random.Next(8) == 0 ? null : (decimal?)(random.Next(-300, 300) / 100m),
                [6] = random.Next(8) == 0 ? null : random.Next(-3, 3),
            };
            var filter = Binder.Bind(Schema, RandomPredicate(random, names));
            if (!RowEvaluator.Evaluate(filter, id => row[id]))
            {
                continue;
            }
            var partition = Spec.Fields.Select(f => f.Transform.Apply(Schema.FindField(f.SourceId)!.Type, row[f.SourceId])).ToList();
            var projected = Projections.Inclusive(Spec, Schema, filter);
            Assert.True(RowEvaluator.Evaluate(projected, id => partition[id - 1000]), $"{filter} on {string.Join(",", row.Values)} projected to {projected}");
        }
    }

    [Fact]
    public void ManifestEvaluator_UsesSummaryBoundsNullsAndNans()
    {
        var schema = new Schema(0, [T.Optional(1, "x", T.Double), T.Optional(2, "s", T.String)]);
        var spec = new PartitionSpec(0, [new PartitionField(1, 1000, "x", Transform.Identity), new PartitionField(2, 1001, "s", Transform.Identity)]);
        var type = spec.PartitionType(schema);
        bool Might(Expression filter, PartitionFieldSummary x, PartitionFieldSummary? s = null)
        {
            var bound = Binder.Bind(schema, filter);
            var evaluator = new ManifestEvaluator(type, Projections.Inclusive(spec, schema, bound));
            return evaluator.MightMatch(new ManifestFile
            {
                ManifestPath = "m", ManifestLength = 1, PartitionSpecId = 0, AddedSnapshotId = 1,
                Partitions = [x, s ?? new PartitionFieldSummary(true, null, null, null)],
            });
        }
        byte[] D(double v) => SingleValue.Serialize(T.Double, v);
        byte[] S(string v) => SingleValue.Serialize(T.String, v);
        var range = new PartitionFieldSummary(false, false, D(1), D(5));
        var nullsOnly = new PartitionFieldSummary(true, false, null, null);
        var nanOnly = new PartitionFieldSummary(false, true, null, null);
        var unknownNan = new PartitionFieldSummary(true, null, null, null);

        Assert.False(Might(Filter.Gt("x", 5.0), range));
        Assert.True(Might(Filter.GtEq("x", 5.0), range));
        Assert.False(Might(Filter.IsNull("x"), range));
        Assert.False(Might(Filter.IsNan("x"), range));
        Assert.False(Might(Filter.NotNull("x"), nullsOnly));
        Assert.False(Might(Filter.Eq("x", 1.0), nullsOnly));
        Assert.True(Might(Filter.NotNull("x"), unknownNan));
        Assert.True(Might(Filter.IsNan("x"), nanOnly));
        Assert.False(Might(Filter.NotNan("x"), nanOnly));
        Assert.False(Might(Filter.In("x", 0.0, 6.0), range));
        Assert.True(Might(Filter.In("x", 0.0, 3.0), range));
        Assert.True(Might(Filter.Eq("x", 3.0), new PartitionFieldSummary(false, false, D(1), D(5)) with { UpperBound = null }));

        var strings = new PartitionFieldSummary(false, false, S("abc"), S("abz"));
        Assert.True(Might(Filter.StartsWith("s", "ab"), range, strings));
        Assert.False(Might(Filter.StartsWith("s", "ac"), range, strings));
        Assert.False(Might(Filter.NotStartsWith("s", "ab"), range, strings));
        Assert.True(Might(Filter.NotStartsWith("s", "ab"), range, strings with { ContainsNull = true }));
    }

    private Expression Project(Expression filter) => Projections.Inclusive(Spec, Schema, Binder.Bind(Schema, filter));

    private static Expression RandomPredicate(Random random, string[] names)
    {
        long id = random.Next(-50, 50);
        var name = names[random.Next(names.Length)];
        var ts = (long)random.Next(-3, 3) * 86_400_000_000L + random.Next(-2, 3) * 3_600_000_000L + random.Next(-1, 2);
        long d = random.Next(-400, 400);
        var amount = random.Next(-300, 300) / 100m;
        long n = random.Next(-3, 3);
        (string Column, object Value) pick = random.Next(6) switch
        {
            0 => ("id", id),
            1 => ("name", name),
            2 => ("ts", ts),
            3 => ("d", d),
            4 => ("amount", amount),
            _ => ("n", n),
        };
        var op = random.Next(12);
        if (pick.Column == "name" && op >= 10)
        {
            return op == 10 ? Filter.StartsWith("name", name) : Filter.NotStartsWith("name", name);
        }
        return (op % 10) switch
        {
            0 => Filter.Lt(pick.Column, pick.Value),
            1 => Filter.LtEq(pick.Column, pick.Value),
            2 => Filter.Gt(pick.Column, pick.Value),
            3 => Filter.GtEq(pick.Column, pick.Value),
            4 => Filter.Eq(pick.Column, pick.Value),
            5 => Filter.NotEq(pick.Column, pick.Value),
            6 => Filter.In(pick.Column, pick.Value, pick.Value),
            7 => Filter.NotIn(pick.Column, pick.Value),
            8 => Filter.IsNull(pick.Column),
            _ => Filter.NotNull(pick.Column),
        };
    }
}
