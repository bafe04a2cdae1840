using Iomete.Console.Pages.Sql;

namespace Iomete.Console.Tests.Sql;

public sealed class SqlTextTests
{
    private const string Two = "CREATE TABLE t (id INT);\nINSERT INTO t VALUES (1);\n\nSELECT * FROM t";

    [Fact]
    public void Split_CutsAtSemicolons_ButNotInsideStringsQuotedNamesOrComments()
    {
        var sql = "SELECT ';' AS a, \"x;y\" FROM t -- no; cut\n; /* a; b */ SELECT 2;;  ";
        var statements = SqlText.Split(sql);
        Assert.Equal(["SELECT ';' AS a, \"x;y\" FROM t -- no; cut", "/* a; b */ SELECT 2"], statements.Select(s => s.Text));
    }

    [Fact]
    public void Split_KeepsOffsets_SoTheEditorCanPointAtAStatement()
    {
        var statements = SqlText.Split(Two);
        Assert.Equal(3, statements.Count);
        Assert.Equal("INSERT INTO t VALUES (1)", Two[statements[1].Start..statements[1].End]);
    }

    [Theory]
    [InlineData(3, "CREATE TABLE t (id INT)")]
    [InlineData(30, "INSERT INTO t VALUES (1)")]
    [InlineData(50, "INSERT INTO t VALUES (1)")] // on the blank line after it: the statement before the cursor
    [InlineData(55, "SELECT * FROM t")]
    public void AtCursor_IsTheStatementUnderTheCursor(int cursor, string expected) =>
        Assert.Equal(expected, SqlText.AtCursor(Two, cursor)!.Text);

    [Fact]
    public void ToRun_WithASelection_RunsTheSelectedStatements()
    {
        var start = Two.IndexOf("INSERT", StringComparison.Ordinal);
        var run = SqlText.ToRun(Two, start, Two.Length, 0);
        Assert.Equal(["INSERT INTO t VALUES (1)", "SELECT * FROM t"], run.Select(s => s.Text));
        Assert.Equal(start, run[0].Start);
    }

    [Fact]
    public void ToRun_WithoutASelection_RunsTheStatementAtTheCursor() =>
        Assert.Equal("SELECT * FROM t", Assert.Single(SqlText.ToRun(Two, 60, 60, 60)).Text);

    [Fact]
    public void Variables_FindsDollarAndMustachePlaceholders_OnceEach() =>
        Assert.Equal(["day", "region"], SqlText.Variables("SELECT * FROM t WHERE day = '${day}' AND r = {{ region }} OR d2 = '${ day }'"));

    [Fact]
    public void Substitute_ReplacesValuesAsWritten_AndNamesTheMissingOnes()
    {
        var (sql, missing) = SqlText.Substitute("SELECT '${day}', {{n}}, ${other}", new Dictionary<string, string> { ["day"] = "2026-11-28", ["n"] = "42" });
        Assert.Equal("SELECT '2026-11-28', 42, ${other}", sql);
        Assert.Equal(["other"], missing);
    }

    [Fact]
    public void Offset_TurnsMonacoLineAndColumnIntoACharacterOffset() =>
        Assert.Equal(Two.IndexOf("INSERT", StringComparison.Ordinal) + 7, SqlText.Offset(Two, 2, 8));

    [Fact]
    public void Format_UppercasesKeywords_PutsClausesOnTheirOwnLines_AndKeepsLiterals()
    {
        var formatted = SqlFormatter.Format("select a, count(*) as n from sales.orders where note = 'from x' group by a order by n desc limit 5");
        Assert.Equal("SELECT\n  a,\n  count(*) AS n\nFROM sales.orders\nWHERE note = 'from x'\nGROUP BY a\nORDER BY n DESC\nLIMIT 5;\n", formatted);
    }

    [Fact]
    public void Format_KeepsEveryStatement()
    {
        var formatted = SqlFormatter.Format("insert into t values (1, 'a;b'); select 1");
        Assert.Equal("INSERT INTO t\nVALUES (1, 'a;b');\n\nSELECT\n  1;\n", formatted);
    }
}
