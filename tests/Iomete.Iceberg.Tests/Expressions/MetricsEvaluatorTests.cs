using System.Text;
using Iomete.Iceberg.Expressions;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Tests.Scan;

namespace Iomete.Iceberg.Tests.Expressions;

public sealed class MetricsEvaluatorTests
{
    private static bool Might(Expression filter, DataFile file) =>
        new MetricsEvaluator(Binder.Bind(TestTable.Schema, filter)).MightMatch(file);

    private static DataFile File(long records, params (int Id, object? Lower, object? Upper, long Nulls, long? Nans)[] metrics) =>
        Files.Data("file:///t/data/f.parquet", ["a"], records, metrics);

    [Fact]
    public void Comparisons_PruneOnlyOutsideTheBounds()
    {
        var file = File(10, (1, 10L, 20L, 0, null));

        Assert.False(Might(Filter.Lt("id", 10L), file));
        Assert.True(Might(Filter.LtEq("id", 10L), file));
        Assert.False(Might(Filter.Gt("id", 20L), file));
        Assert.True(Might(Filter.GtEq("id", 20L), file));
        Assert.False(Might(Filter.Eq("id", 21L), file));
        Assert.True(Might(Filter.Eq("id", 15L), file));
        Assert.False(Might(Filter.In("id", 1L, 2L, 30L), file));
        Assert.True(Might(Filter.In("id", 1L, 20L), file));
        Assert.True(Might(Filter.NotEq("id", 15L), file));
        Assert.True(Might(Filter.NotIn("id", 15L, 16L), file));
        Assert.False(Might(Filter.Not(Filter.GtEq("id", 10L)), file));
        Assert.True(Might(Filter.Or(Filter.Eq("id", 0L), Filter.Eq("id", 11L)), file));
        Assert.False(Might(Filter.And(Filter.Eq("id", 11L), Filter.Eq("id", 0L)), file));
    }

    [Fact]
    public void NullCounts_DecideNullTests()
    {
        var allNull = File(5, (2, null, null, 5, null));
        var noNull = File(5, (2, "a", "z", 0, null));

        Assert.True(Might(Filter.IsNull("name"), allNull));
        Assert.False(Might(Filter.NotNull("name"), allNull));
        Assert.False(Might(Filter.Eq("name", "a"), allNull));
        Assert.False(Might(Filter.StartsWith("name", "a"), allNull));
        Assert.False(Might(Filter.IsNull("name"), noNull));
        Assert.True(Might(Filter.NotNull("name"), noNull));
        Assert.True(Might(Filter.NotStartsWith("name", "a"), allNull));
    }

    [Fact]
    public void NanCounts_DecideNanTests_AndNaNOnlyFilesMatchNoComparison()
    {
        var nanOnly = File(4, (4, null, null, 0, 4L));
        var someNan = File(4, (4, 1.0, 2.0, 0, 1L));
        var noNan = File(4, (4, 1.0, 2.0, 0, 0L));

        Assert.True(Might(Filter.IsNan("price"), nanOnly));
        Assert.False(Might(Filter.NotNan("price"), nanOnly));
        Assert.False(Might(Filter.Gt("price", 0.0), nanOnly));
        Assert.True(Might(Filter.IsNan("price"), someNan));
        Assert.True(Might(Filter.NotNan("price"), someNan));
        Assert.False(Might(Filter.IsNan("price"), noNan));
        Assert.False(Might(Filter.Gt("price", 2.0), someNan));
    }

    [Fact]
    public void MissingOrNaNBounds_NeverPrune()
    {
        var noMetrics = new DataFile { FilePath = "f", Partition = ["a"], RecordCount = 3, FileSizeInBytes = 1 };
        var nanBounds = File(3, (4, double.NaN, double.NaN, 0, null));
        var onlyUpper = File(3, (1, null, 5L, 0, null));

        foreach (var filter in new[] { Filter.Eq("id", 1L), Filter.IsNull("name"), Filter.NotNull("name"), Filter.IsNan("price"), Filter.StartsWith("name", "x") })
        {
            Assert.True(Might(filter, noMetrics));
        }
        Assert.True(Might(Filter.Gt("price", 100.0), nanBounds));
        Assert.True(Might(Filter.Lt("price", -100.0), nanBounds));
        Assert.True(Might(Filter.Lt("id", 0L), onlyUpper));
        Assert.False(Might(Filter.Gt("id", 5L), onlyUpper));
    }

    [Fact]
    public void EmptyFile_NeverMatches_AndUnknownRecordCountAlwaysMay()
    {
        Assert.False(Might(Expression.True, File(0)));
        Assert.True(Might(Filter.Eq("id", 99L), File(-1, (1, 1L, 2L, 0, null))));
    }

    [Fact]
    public void TruncatedStringBounds_KeepEveryPossibleMatch()
    {
        // True values "abcdef".."abzzzz", bounds truncated to 2 bytes: lower "ab", upper "ac" (incremented).
        var file = File(10, (2, Encoding.UTF8.GetBytes("ab"), Encoding.UTF8.GetBytes("ac"), 0, null));

        Assert.True(Might(Filter.StartsWith("name", "abz"), file));
        Assert.True(Might(Filter.StartsWith("name", "ab"), file));
        Assert.True(Might(Filter.Eq("name", "abcdef"), file));
        Assert.True(Might(Filter.Gt("name", "abzzz"), file));
        Assert.False(Might(Filter.StartsWith("name", "ad"), file));
        Assert.False(Might(Filter.StartsWith("name", "aa"), file));
        Assert.False(Might(Filter.Eq("name", "ad"), file));
        Assert.False(Might(Filter.Lt("name", "ab"), file));
    }

    [Fact]
    public void NotStartsWith_PrunesOnlyWhenBothBoundsHaveThePrefixAndNoNulls()
    {
        var all = File(10, (2, "abc", "abz", 0, null));
        var withNulls = File(10, (2, "abc", "abz", 1, null));
        var shortBound = File(10, (2, "a", "abz", 0, null));

        Assert.False(Might(Filter.NotStartsWith("name", "ab"), all));
        Assert.True(Might(Filter.NotStartsWith("name", "ab"), withNulls));
        Assert.True(Might(Filter.NotStartsWith("name", "ab"), shortBound));
        Assert.True(Might(Filter.NotStartsWith("name", "abc"), all));
    }

    [Fact]
    public void DecimalAndTimestampBounds_CompareAsValues()
    {
        var file = File(10, (6, 1.50m, 9.99m, 0, null), (3, Files.Micros("2024-01-01T00:00:00Z"), Files.Micros("2024-01-31T00:00:00Z"), 0, null));

        Assert.False(Might(Filter.Gt("amount", "9.99"), file));
        Assert.True(Might(Filter.GtEq("amount", "9.99"), file));
        Assert.False(Might(Filter.Lt("ts", "2024-01-01T00:00:00+00:00"), file));
        Assert.True(Might(Filter.Lt("ts", "2024-01-01T00:00:00.000001+00:00"), file));
    }

    [Fact]
    public void RandomFilesAndFilters_NeverDropAFileWithAMatchingRow()
    {
        var random = new Random(42);
        string?[] names = [null, "", "a", "ab", "abc", "abd", "b", "ba", "zz"];
        for (var round = 0; round < 400; round++)
        {
            var rows = Enumerable.Range(0, random.Next(1, 6)).Select(_ => (
                Id: (long)random.Next(-5, 6),
                Name: names[random.Next(names.Length)],
                Price: random.Next(10) switch { 0 => (double?)null, 1 => double.NaN, var n => n - 5.0 })).ToList();
            var file = FileFor(rows, truncate: random.Next(2) == 0);
            var filter = RandomFilter(random, names, depth: 2);
            var bound = Binder.Bind(TestTable.Schema, filter);
            var sqlSemantics = Negation.PushDown(bound);
            var anyMatch = rows.Any(r => RowEvaluator.Evaluate(sqlSemantics, id => id switch { 1 => r.Id, 2 => r.Name, 4 => r.Price, _ => null }));
            if (anyMatch)
            {
                Assert.True(new MetricsEvaluator(bound).MightMatch(file), $"{filter} dropped a file with a matching row");
            }
        }
    }

    private static DataFile FileFor(List<(long Id, string? Name, double? Price)> rows, bool truncate)
    {
        var present = rows.Where(r => r.Name is not null).Select(r => r.Name!).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var prices = rows.Where(r => r.Price is { } p && !double.IsNaN(p)).Select(r => r.Price!.Value).ToList();
        var lower = new Dictionary<int, byte[]> { [1] = SingleValue.Serialize(Types.IcebergTypes.Long, rows.Min(r => r.Id)) };
        var upper = new Dictionary<int, byte[]> { [1] = SingleValue.Serialize(Types.IcebergTypes.Long, rows.Max(r => r.Id)) };
        if (present.Count > 0)
        {
            var min = Encoding.UTF8.GetBytes(present[0]);
            var max = Encoding.UTF8.GetBytes(present[^1]);
            lower[2] = truncate && min.Length > 1 ? min[..1] : min;
            upper[2] = truncate && max.Length > 1 ? [max[0], (byte)(max[1] + 1)] : max;
        }
        if (prices.Count > 0)
        {
            lower[4] = SingleValue.Serialize(Types.IcebergTypes.Double, prices.Min());
            upper[4] = SingleValue.Serialize(Types.IcebergTypes.Double, prices.Max());
        }
        return new DataFile
        {
            FilePath = "f",
            Partition = [],
            RecordCount = rows.Count,
            FileSizeInBytes = 1,
            ValueCounts = new Dictionary<int, long> { [1] = rows.Count, [2] = rows.Count, [4] = rows.Count },
            NullValueCounts = new Dictionary<int, long> { [1] = 0, [2] = rows.Count(r => r.Name is null), [4] = rows.Count(r => r.Price is null) },
            NanValueCounts = new Dictionary<int, long> { [4] = rows.Count(r => r.Price is { } p && double.IsNaN(p)) },
            LowerBounds = lower,
            UpperBounds = upper,
        };
    }

    private static Expression RandomFilter(Random random, string?[] names, int depth)
    {
        if (depth > 0 && random.Next(3) == 0)
        {
            var left = RandomFilter(random, names, depth - 1);
            var right = RandomFilter(random, names, depth - 1);
            return random.Next(3) switch { 0 => new And(left, right), 1 => new Or(left, right), _ => new Not(left) };
        }
        var name = names[random.Next(1, names.Length)]!;
        long id = random.Next(-6, 7);
        double price = random.Next(-6, 7);
        return random.Next(18) switch
        {
            0 => Filter.Lt("id", id),
            1 => Filter.LtEq("id", id),
            2 => Filter.Gt("id", id),
            3 => Filter.GtEq("id", id),
            4 => Filter.Eq("id", id),
            5 => Filter.NotEq("id", id),
            6 => Filter.In("id", id, id + 2),
            7 => Filter.NotIn("id", id, id + 1),
            8 => Filter.StartsWith("name", name),
            9 => Filter.NotStartsWith("name", name),
            10 => Filter.IsNull("name"),
            11 => Filter.NotNull("name"),
            12 => Filter.IsNan("price"),
            13 => Filter.NotNan("price"),
            14 => Filter.Gt("price", price),
            15 => Filter.Lt("price", price),
            16 => Filter.Eq("name", name),
            _ => Filter.GtEq("name", name),
        };
    }
}
