using Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Tests.Sql.Syntax;

public sealed class SyntaxErrorTests
{
    [Theory]
    [InlineData("INSERT t VALUES (1)", "t")]
    [InlineData("INSERT INTO t", "")]
    [InlineData("INSERT INTO t (a, b", "")]
    [InlineData("INSERT INTO 7 VALUES (1)", "7")]
    [InlineData("DELETE t WHERE a = 1", "t")]
    [InlineData("DELETE FROM t x y", "y")]
    [InlineData("UPDATE t WHERE a = 1", "WHERE")]
    [InlineData("MERGE INTO t ON a = b", "ON")]
    [InlineData("DELETE FROM select", "select")]
    [InlineData("SELECT (1", "")]
    [InlineData("SELECT 1)", ")")]
    [InlineData("WITH x AS (SELECT 1)", "")]
    [InlineData("DROP TABLE", "")]
    [InlineData("CREATE TABLE t (a INT", "")]
    [InlineData("TRUNCATE t WHERE a = 1", "WHERE")]
    public void MalformedEnvelopes_FailAtTheOffendingToken(string sql, string offending)
    {
        var error = Parsed.Fails(sql);
        if (offending.Length == 0)
        {
            Assert.Equal("syntax error at end of input", error.Message);
            Assert.Equal(sql.Length, error.Position);
        }
        else
        {
            Assert.Equal($"syntax error at or near \"{offending}\"", error.Message);
            Assert.Equal(sql.LastIndexOf(offending, StringComparison.Ordinal), error.Position);
        }
    }

    [Fact]
    public void TwoStatements_AreRejectedAtTheSecond()
    {
        var error = Parsed.Fails("SELECT 1; DROP TABLE t");
        Assert.Equal(10, error.Position);
        Assert.Contains("one statement", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrailingSemicolons_AreAllowed()
    {
        Assert.IsType<QueryStatement>(SqlStatementParser.Parse("SELECT 1;; -- done"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  -- only a comment\n")]
    [InlineData(";")]
    public void EmptyText_IsASyntaxError(string sql)
    {
        Assert.Equal("empty statement", Parsed.Fails(sql).Message);
    }

    [Fact]
    public void UnterminatedString_FailsAtItsStart()
    {
        Assert.Equal(25, Parsed.Fails("INSERT INTO t VALUES (1, 'oops)").Position);
    }
}
