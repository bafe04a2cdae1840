using Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Tests.Sql.Syntax;

public sealed class InsertStatementTests
{
    [Fact]
    public void InsertInto_HasTargetBodyAndQuerySpans()
    {
        const string sql = "INSERT INTO lake.\"My Db\".Orders (id, \"Name\") SELECT id, name FROM src WHERE s = ';'";
        var insert = Parsed.As<InsertStatement>(sql);
        Assert.Equal(["lake", "My Db", "Orders"], insert.Target.Parts);
        Assert.Equal([false, true, false], insert.Target.Quoted);
        Assert.False(insert.Overwrite);
        Assert.Equal("lake.\"My Db\".Orders", Parsed.Cut(sql, insert.TargetSpan));
        Assert.Equal("(id, \"Name\") SELECT id, name FROM src WHERE s = ';'", Parsed.Cut(sql, insert.BodySpan));
        Assert.Equal("SELECT id, name FROM src WHERE s = ';'", Parsed.Cut(sql, insert.QuerySpan));
    }

    [Fact]
    public void InsertIntoTable_WithValues_QueryIsTheValues()
    {
        const string sql = "insert into table t values (1, 'a'), (2, 'b');";
        var insert = Parsed.As<InsertStatement>(sql);
        Assert.Equal("t", Parsed.Cut(sql, insert.TargetSpan));
        Assert.Equal("values (1, 'a'), (2, 'b')", Parsed.Cut(sql, insert.QuerySpan));
        Assert.Equal(sql.TrimEnd(';'), Parsed.Cut(sql, insert.Span));
    }

    [Fact]
    public void InsertOverwriteTable_IsOverwrite()
    {
        const string sql = "INSERT OVERWRITE TABLE db.t SELECT * FROM s";
        var insert = Parsed.As<InsertStatement>(sql);
        Assert.True(insert.Overwrite);
        Assert.Equal(["db", "t"], insert.Target.Parts);
        Assert.Equal("SELECT * FROM s", Parsed.Cut(sql, insert.QuerySpan));
    }

    [Fact]
    public void Insert_ByName_WithParenthesizedQuery_KeepsByNameInTheBody()
    {
        const string sql = "INSERT INTO t BY NAME (SELECT 1 AS a)";
        var insert = Parsed.As<InsertStatement>(sql);
        Assert.Equal("BY NAME (SELECT 1 AS a)", Parsed.Cut(sql, insert.BodySpan));
        Assert.Equal("(SELECT 1 AS a)", Parsed.Cut(sql, insert.QuerySpan));
    }

    [Fact]
    public void Insert_DefaultValues_HasNoQuery()
    {
        const string sql = "INSERT INTO t DEFAULT VALUES";
        var insert = Parsed.As<InsertStatement>(sql);
        Assert.Null(insert.QuerySpan);
        Assert.Equal("DEFAULT VALUES", Parsed.Cut(sql, insert.BodySpan));
    }

    [Fact]
    public void WithInsert_HasTheCtePrefix()
    {
        const string sql = "WITH s AS (SELECT 1 AS a) INSERT INTO t SELECT a FROM s";
        var insert = Parsed.As<InsertStatement>(sql);
        Assert.Equal("WITH s AS (SELECT 1 AS a)", Parsed.Cut(sql, insert.WithPrefix));
        Assert.Equal("t", Parsed.Cut(sql, insert.TargetSpan));
        Assert.Equal(sql, Parsed.Cut(sql, insert.Span));
    }

    [Fact]
    public void ReplacingTheTargetSpan_SwapsOnlyTheTableName()
    {
        const string sql = "INSERT /* t */ INTO t SELECT * FROM t";
        var insert = Parsed.As<InsertStatement>(sql);
        Assert.Equal("INSERT /* t */ INTO \"stage_1\" SELECT * FROM t", SqlText.Replace(sql, insert.TargetSpan, SqlText.QuoteIdentifier("stage_1")));
    }

    [Theory]
    [InlineData("INSERT OR REPLACE INTO t VALUES (1)", "INSERT OR REPLACE", 7)]
    [InlineData("INSERT OR IGNORE INTO t VALUES (1)", "INSERT OR IGNORE", 7)]
    [InlineData("INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING", "ON CONFLICT", 25)]
    [InlineData("INSERT INTO t SELECT 1 RETURNING *", "RETURNING", 23)]
    public void Insert_UnsupportedForms_AreRefusedWithAClearMessage(string sql, string what, int position)
    {
        var error = Parsed.Fails(sql);
        Assert.StartsWith(what, error.Message, StringComparison.Ordinal);
        Assert.Contains("is not supported", error.Message, StringComparison.Ordinal);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Insert_JoinOnInTheQuery_IsNotMistakenForOnConflict()
    {
        const string sql = "INSERT INTO t SELECT a.x FROM a JOIN b ON a.id = b.id";
        Assert.Equal("SELECT a.x FROM a JOIN b ON a.id = b.id", Parsed.Cut(sql, Parsed.As<InsertStatement>(sql).QuerySpan));
    }
}
