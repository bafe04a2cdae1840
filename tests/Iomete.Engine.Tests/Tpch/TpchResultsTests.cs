using Iomete.Testing.Tpch;

namespace Iomete.Engine.Tests.Tpch;

public sealed class TpchResultsTests
{
    private static ResultSet Set(string[] columns, params object?[][] rows) => new(columns, rows);

    [Fact]
    public void Compare_NumbersOfDifferentTypesWithinTolerance_AreEqual()
    {
        var expected = Set(["n", "v", "d"], [1, 1234.56m, new DateOnly(1995, 1, 2)]);
        var actual = Set(["N", "v", "d"], [1L, 1234.5600001, new DateTime(1995, 1, 2)]);

        Assert.Empty(TpchResults.Compare(expected, actual, orderSensitive: true));
    }

    [Fact]
    public void Compare_ValueBeyondTolerance_IsReported()
    {
        var expected = Set(["v"], [100.0m]);
        var actual = Set(["v"], [100.001]);

        var difference = Assert.Single(TpchResults.Compare(expected, actual, orderSensitive: true));
        Assert.Contains("column v", difference, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_SameRowsInAnotherOrder_DependsOnOrderSensitivity()
    {
        var expected = Set(["k", "s"], [1, "a"], [2, "b"]);
        var actual = Set(["k", "s"], [2, "b"], [1, "a"]);

        Assert.Empty(TpchResults.Compare(expected, actual, orderSensitive: false));
        Assert.NotEmpty(TpchResults.Compare(expected, actual, orderSensitive: true));
    }

    [Fact]
    public void Compare_OtherColumnsOrRowCounts_AreReported()
    {
        var expected = Set(["a", "b"], [1, 2]);

        Assert.Contains("columns", Assert.Single(TpchResults.Compare(expected, Set(["a", "c"], [1, 2]), true)), StringComparison.Ordinal);
        Assert.Contains("row count", Assert.Single(TpchResults.Compare(expected, Set(["a", "b"]), true)), StringComparison.Ordinal);
        Assert.NotEmpty(TpchResults.Compare(expected, Set(["a", "b"], [1, null]), true));
        Assert.NotEmpty(TpchResults.Compare(Set(["s"], ["x"]), Set(["s"], ["x "]), true));
    }
}
