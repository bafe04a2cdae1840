using Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Tests.Sql.Syntax;

public sealed class DatabaseViewDropTests
{
    [Fact]
    public void CreateView_ReadsAliasesCommentPropertiesAndQuery()
    {
        const string sql = "CREATE OR REPLACE VIEW db.v (a, \"B\") COMMENT 'recent' TBLPROPERTIES ('owner' = 'me') AS SELECT x, y FROM t";
        var view = Parsed.As<CreateViewStatement>(sql);
        Assert.Equal(["db", "v"], view.Name.Parts);
        Assert.True(view.OrReplace);
        Assert.False(view.IfNotExists);
        Assert.Equal(["a", "B"], view.ColumnAliases);
        Assert.Equal("recent", view.Comment);
        Assert.Equal("me", view.Properties["owner"]);
        Assert.Equal("SELECT x, y FROM t", Parsed.Cut(sql, view.QuerySpan));
    }

    [Fact]
    public void CreateView_IfNotExists_WithParenthesizedQuery()
    {
        const string sql = "CREATE VIEW IF NOT EXISTS v AS (SELECT 1)";
        var view = Parsed.As<CreateViewStatement>(sql);
        Assert.True(view.IfNotExists);
        Assert.Empty(view.ColumnAliases);
        Assert.Equal("(SELECT 1)", Parsed.Cut(sql, view.QuerySpan));
    }

    [Theory]
    [InlineData("CREATE SCHEMA s")]
    [InlineData("CREATE DATABASE s")]
    [InlineData("create namespace s")]
    public void CreateDatabase_AllThreeSpellings(string sql)
    {
        var create = Parsed.As<CreateDatabaseStatement>(sql);
        Assert.Equal(["s"], create.Name.Parts);
        Assert.False(create.IfNotExists);
    }

    [Fact]
    public void CreateDatabase_WithSparkClauses()
    {
        var create = Parsed.As<CreateDatabaseStatement>(
            "CREATE DATABASE IF NOT EXISTS lake.sales COMMENT 'sales' LOCATION 's3://b/sales' WITH DBPROPERTIES ('owner' = 'ann')");
        Assert.Equal(["lake", "sales"], create.Name.Parts);
        Assert.True(create.IfNotExists);
        Assert.Equal("sales", create.Comment);
        Assert.Equal("s3://b/sales", create.Location);
        Assert.Equal("ann", create.Properties["owner"]);
    }

    [Fact]
    public void CreateDatabase_WithThreeParts_Fails()
    {
        Assert.Equal(17, Parsed.Fails("CREATE SCHEMA a.b.c").Position);
    }

    [Theory]
    [InlineData("DROP SCHEMA s", false, false)]
    [InlineData("DROP DATABASE IF EXISTS lake.s CASCADE", true, true)]
    [InlineData("DROP NAMESPACE s RESTRICT", false, false)]
    public void DropDatabase_ReadsIfExistsAndCascade(string sql, bool ifExists, bool cascade)
    {
        var drop = Parsed.As<DropDatabaseStatement>(sql);
        Assert.Equal(ifExists, drop.IfExists);
        Assert.Equal(cascade, drop.Cascade);
    }

    [Theory]
    [InlineData("DROP TABLE t", false, false)]
    [InlineData("DROP TABLE IF EXISTS db.t PURGE", true, true)]
    [InlineData("DROP TABLE t CASCADE", false, true)]
    public void DropTable_ReadsIfExistsAndPurge(string sql, bool ifExists, bool purge)
    {
        var drop = Parsed.As<DropTableStatement>(sql);
        Assert.Equal(ifExists, drop.IfExists);
        Assert.Equal(purge, drop.Purge);
        Assert.Equal("t", drop.Name.Name);
    }

    [Fact]
    public void DropView_ReadsIfExists()
    {
        var drop = Parsed.As<DropViewStatement>("DROP VIEW IF EXISTS \"my view\"");
        Assert.True(drop.IfExists);
        Assert.Equal("my view", drop.Name.Name);
        Assert.True(drop.Name.Quoted[0]);
    }

    [Fact]
    public void DropTable_OfTwoTables_FailsAtTheComma()
    {
        Assert.Equal(12, Parsed.Fails("DROP TABLE a, b").Position);
    }
}
