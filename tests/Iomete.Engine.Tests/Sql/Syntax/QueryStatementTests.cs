using Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Tests.Sql.Syntax;

public sealed class QueryStatementTests
{
    [Theory]
    [InlineData("SELECT 1")]
    [InlineData("select * from t where s = 'DELETE FROM x; DROP TABLE y'")]
    [InlineData("VALUES (1), (2)")]
    [InlineData("FROM t SELECT a")]
    [InlineData("TABLE t")]
    [InlineData("(SELECT 1) UNION ALL (SELECT 2)")]
    [InlineData("PIVOT t ON k USING sum(v)")]
    [InlineData("UNPIVOT t ON a, b INTO NAME k VALUE v")]
    [InlineData("SUMMARIZE t")]
    [InlineData("/* leading */ SELECT \"select\" FROM \"from\" -- trailing")]
    public void Queries_AreQueryStatements(string sql)
    {
        var statement = Parsed.As<QueryStatement>(sql);
        Assert.Null(statement.WithPrefix);
    }

    [Fact]
    public void Query_SpanExcludesCommentsAndTheTrailingSemicolon()
    {
        const string sql = "-- hi\n  SELECT 1 ; -- bye";
        Assert.Equal("SELECT 1", Parsed.Cut(sql, Parsed.As<QueryStatement>(sql).Span));
    }

    [Fact]
    public void WithQuery_HasTheCteListAsPrefix()
    {
        const string sql = "WITH RECURSIVE a(x) AS (SELECT 1), b AS MATERIALIZED (SELECT ')' FROM a) SELECT * FROM b";
        var statement = Parsed.As<QueryStatement>(sql);
        Assert.Equal("WITH RECURSIVE a(x) AS (SELECT 1), b AS MATERIALIZED (SELECT ')' FROM a)", Parsed.Cut(sql, statement.WithPrefix));
        Assert.Equal(sql, Parsed.Cut(sql, statement.Span));
    }

    [Fact]
    public void Explain_WrapsTheInnerStatement()
    {
        const string sql = "EXPLAIN ANALYZE DELETE FROM t WHERE a = 1";
        var explain = Parsed.As<ExplainStatement>(sql);
        Assert.True(explain.Analyze);
        var inner = Assert.IsType<DeleteStatement>(explain.Inner);
        Assert.Equal("DELETE FROM t WHERE a = 1", Parsed.Cut(sql, inner.Span));
        Assert.Equal("t", Parsed.Cut(sql, inner.TargetSpan));
    }

    [Fact]
    public void Explain_WithOptionList_ReadsAnalyzeFromIt()
    {
        var explain = Parsed.As<ExplainStatement>("EXPLAIN (FORMAT json, ANALYZE) SELECT 1");
        Assert.True(explain.Analyze);
        Assert.IsType<QueryStatement>(explain.Inner);
        Assert.False(Parsed.As<ExplainStatement>("EXPLAIN (SELECT 1)").Analyze);
    }

    [Fact]
    public void Explain_OfARefusedStatement_IsRefused()
    {
        Assert.Equal("COPY", Parsed.As<RefusedStatement>("EXPLAIN COPY t TO 'x.csv'").Keyword);
    }
}
