using System.Text.Json;
using Iomete.Console.Pages.Sql;

namespace Iomete.Console.Tests.Sql;

public sealed class ChartDataTests
{
    private static readonly ResultColumnInfo[] Columns = [new("region", "VARCHAR"), new("amount", "DECIMAL(12,2)"), new("n", "BIGINT")];

    private static JsonElement[][] Rows(string json) =>
        [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.Clone()).ToArray())];

    [Fact]
    public void ABarChart_SumsTheYOfRowsWithTheSameX_InFirstSeenOrder()
    {
        var rows = Rows("""[["eu", 10.5, 1], ["us", 7, 2], ["eu", "2.5", 3], [null, 1, 4]]""");
        var series = ChartData.Map(Columns, rows, ChartKind.Bar, 0, 1);
        Assert.Equal([("eu", 13.0), ("us", 7.0), ("NULL", 1.0)], series.Points.Select(p => (p.Label, p.Y)));
        Assert.Equal((0, 13, 21), (series.Min, series.Max, series.Total));
    }

    [Fact]
    public void RowsWhoseYIsNotANumber_AreLeftOut()
    {
        var rows = Rows("""[["eu", null, 1], ["us", "n/a", 2], ["ap", 3, 3]]""");
        Assert.Equal(["ap"], ChartData.Map(Columns, rows, ChartKind.Line, 0, 1).Points.Select(p => p.Label));
    }

    [Fact]
    public void AScatterChart_KeepsEveryRow_WithANumericX()
    {
        var rows = Rows("""[["a", 1, 10], ["a", 2, 20]]""");
        var series = ChartData.Map(Columns, rows, ChartKind.Scatter, 2, 1);
        Assert.Equal([(10.0, 1.0), (20.0, 2.0)], series.Points.Select(p => (p.X!.Value, p.Y)));
    }

    [Fact]
    public void APieChart_DropsSlicesThatAreNotPositive()
    {
        var rows = Rows("""[["a", 5, 1], ["b", -2, 1], ["c", 0, 1]]""");
        Assert.Equal(["a"], ChartData.Map(Columns, rows, ChartKind.Pie, 0, 1).Points.Select(p => p.Label));
    }

    [Fact]
    public void ABigNumber_IsTheFirstRowsValue()
    {
        var series = ChartData.Map(Columns, Rows("""[["a", 42, 1], ["b", 1, 1]]"""), ChartKind.BigNumber, -1, 1);
        Assert.Equal(42, series.Points[0].Y);
    }

    [Fact]
    public void TheDefaultAxes_AreTheFirstTextColumn_AndTheFirstNumberAfterIt() =>
        Assert.Equal((0, 1), ChartData.DefaultAxes(Columns));

    [Fact]
    public void AtMostAThousandRows_AreCharted()
    {
        var rows = Enumerable.Range(0, 1500).Select(i => Rows($"""[["k{i}", {i}, 1]]""")[0]).ToArray();
        Assert.Equal(ChartData.MaxPoints, ChartData.Map(Columns, rows, ChartKind.Bar, 0, 1).Points.Count);
    }

    [Fact]
    public void TheChartComponent_DrawsOneBarPerX()
    {
        using var ctx = new ConsoleTestContext();
        var chart = ctx.Render<ResultChart>(p => p
            .Add(c => c.Columns, Columns)
            .Add(c => c.Rows, Rows("""[["eu", 42, 1], ["us", 2, 1], ["eu", 3, 1]]""")));
        Assert.Equal(2, chart.FindAll("[data-testid=sql-chart-bar]").Count);
        chart.Find("[data-testid=sql-chart-kind]").Change(nameof(ChartKind.BigNumber));
        Assert.Equal("42", chart.Find(".sql-big-number .value").TextContent);
    }
}
