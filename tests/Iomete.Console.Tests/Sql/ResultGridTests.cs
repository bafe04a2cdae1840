using System.Text.Json;
using Iomete.Console.Pages.Sql;

namespace Iomete.Console.Tests.Sql;

public sealed class ResultGridTests : ConsoleTestContext
{
    private static ResultPage Page(string json) => ResultPage.From(JsonDocument.Parse(json).RootElement);

    private static readonly string Sample = """
        {"columns":[{"name":"name","type":"VARCHAR"},{"name":"n","type":"BIGINT"}],
         "rows":[["b",2],["a",10],[null,1],["c",null]],"offset":0,"limit":4,"total":4,"truncated":false}
        """;

    private static IEnumerable<string> Column(ResultGrid grid, int c) => grid.DisplayedRows.Select(r => ResultValues.Text(r[c]));

    [Fact]
    public void ClickingAHeader_SortsAscendingThenDescendingThenBack_WithNullsLast()
    {
        var grid = Render<ResultGrid>(p => p.Add(g => g.Page, Page(Sample)));
        grid.Find("[data-testid=sql-sort-n]").Click();
        Assert.Equal(["1", "2", "10", "NULL"], Column(grid.Instance, 1));
        Assert.Equal("ascending", grid.Find("th[aria-sort]").GetAttribute("aria-sort"));
        grid.Find("[data-testid=sql-sort-n]").Click();
        Assert.Equal(["10", "2", "1", "NULL"], Column(grid.Instance, 1));
        grid.Find("[data-testid=sql-sort-n]").Click();
        Assert.Equal(["2", "10", "1", "NULL"], Column(grid.Instance, 1));
        grid.Find("[data-testid=sql-sort-name]").Click();
        Assert.Equal(["a", "b", "c", "NULL"], Column(grid.Instance, 0));
    }

    [Fact]
    public void TheRowCount_IsShown_AndPagingAsksForTheNextPage()
    {
        long? asked = null;
        var page = Page("""{"columns":[{"name":"id","type":"BIGINT"}],"rows":[[3],[4]],"offset":2,"limit":2,"total":5,"truncated":true}""");
        var grid = Render<ResultGrid>(p => p.Add(g => g.Page, page).Add(g => g.PageSize, 2).Add(g => g.OnPage, o => asked = o));
        Assert.Equal("Rows 3–4 of 5 (limit reached)", grid.Find("[data-testid=sql-row-count]").TextContent);
        Assert.Contains("Page 2 of 3", grid.Markup, StringComparison.Ordinal);
        grid.Find("[data-testid=sql-page-next] button, button[data-testid=sql-page-next]").Click();
        Assert.Equal(4, asked);
        grid.Find("[data-testid=sql-page-previous] button, button[data-testid=sql-page-previous]").Click();
        Assert.Equal(0, asked);
    }

    [Fact]
    public void CopyAll_CopiesTheRowsInDisplayOrder_AsTsvWithAHeader()
    {
        var copy = JSInterop.Setup<bool>("iometeConsole.copyText", _ => true).SetResult(true);
        var grid = Render<ResultGrid>(p => p.Add(g => g.Page, Page(Sample)));
        grid.Find("[data-testid=sql-sort-name]").Click();
        grid.Find("[data-testid=sql-copy-all]").Click();
        var text = Assert.Single(copy.Invocations).Arguments[0] as string;
        Assert.Equal("name\tn\na\t10\nb\t2\nc\t\n\t1\n", text);
    }

    [Fact]
    public void TenThousandRows_AreVirtualized_NotAllInTheDom()
    {
        var rows = string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"[{i}]"));
        var grid = Render<ResultGrid>(p => p.Add(g => g.Page, Page($$"""{"columns":[{"name":"id","type":"BIGINT"}],"rows":[{{rows}}],"offset":0,"limit":10000,"total":10000,"truncated":false}""")));
        Assert.Equal("10,000 rows", grid.Find("[data-testid=sql-row-count]").TextContent);
        Assert.True(grid.FindAll("tbody tr").Count < 200);
    }
}
