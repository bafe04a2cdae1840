using Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Tests.Sql.Syntax;

public sealed class InfoStatementTests
{
    [Theory]
    [InlineData("SHOW CATALOGS", ShowKind.Catalogs, null, null)]
    [InlineData("SHOW DATABASES", ShowKind.Databases, null, null)]
    [InlineData("SHOW SCHEMAS FROM lake LIKE 'sa%'", ShowKind.Databases, "lake", "sa%")]
    [InlineData("show namespaces in lake", ShowKind.Databases, "lake", null)]
    [InlineData("SHOW TABLES", ShowKind.Tables, null, null)]
    [InlineData("SHOW TABLES IN lake.sales LIKE 'o''%'", ShowKind.Tables, "lake.sales", "o'%")]
    [InlineData("SHOW VIEWS FROM sales", ShowKind.Views, "sales", null)]
    [InlineData("SHOW TABLES IN default", ShowKind.Tables, "default", null)]
    [InlineData("SHOW COLUMNS FROM sales.orders", ShowKind.Columns, "sales.orders", null)]
    [InlineData("SHOW COLUMNS IN orders", ShowKind.Columns, "orders", null)]
    [InlineData("SHOW CREATE TABLE lake.sales.orders", ShowKind.CreateTable, "lake.sales.orders", null)]
    [InlineData("SHOW TBLPROPERTIES orders", ShowKind.TblProperties, "orders", null)]
    [InlineData("SHOW SNAPSHOTS IN sales.orders", ShowKind.Snapshots, "sales.orders", null)]
    public void Show_AllForms(string sql, ShowKind kind, string? target, string? like)
    {
        var show = Parsed.As<ShowStatement>(sql);
        Assert.Equal(kind, show.Kind);
        Assert.Equal(target, show.Target is null ? null : string.Join('.', show.Target.Parts));
        Assert.Equal(like, show.Like);
    }

    [Fact]
    public void Show_UnknownForm_IsRefused()
    {
        Assert.Equal("SHOW ALL", Parsed.As<RefusedStatement>("SHOW ALL TABLES").Keyword);
    }

    [Fact]
    public void ShowSnapshots_WithoutTable_Fails()
    {
        Assert.Equal("syntax error at end of input", Parsed.Fails("SHOW SNAPSHOTS").Message);
    }

    [Theory]
    [InlineData("DESCRIBE t", false)]
    [InlineData("DESC TABLE db.t", false)]
    [InlineData("DESCRIBE EXTENDED t", true)]
    [InlineData("describe table formatted t", true)]
    public void Describe_Table(string sql, bool extended)
    {
        var describe = Parsed.As<DescribeStatement>(sql);
        Assert.Equal("t", describe.Table!.Name);
        Assert.Equal(extended, describe.Extended);
        Assert.False(describe.History);
        Assert.Null(describe.QuerySpan);
    }

    [Fact]
    public void DescribeHistory_IsHistory_ButATableNamedHistoryIsATable()
    {
        var history = Parsed.As<DescribeStatement>("DESCRIBE HISTORY db.t");
        Assert.True(history.History);
        Assert.Equal(["db", "t"], history.Table!.Parts);
        var table = Parsed.As<DescribeStatement>("DESCRIBE history");
        Assert.False(table.History);
        Assert.Equal("history", table.Table!.Name);
    }

    [Theory]
    [InlineData("DESCRIBE SELECT a FROM t", "SELECT a FROM t")]
    [InlineData("DESCRIBE QUERY WITH x AS (SELECT 1) SELECT * FROM x", "WITH x AS (SELECT 1) SELECT * FROM x")]
    [InlineData("DESC (SELECT 1)", "(SELECT 1)")]
    public void Describe_Query_HasTheQuerySpan(string sql, string query)
    {
        var describe = Parsed.As<DescribeStatement>(sql);
        Assert.Null(describe.Table);
        Assert.Equal(query, Parsed.Cut(sql, describe.QuerySpan));
    }

    [Theory]
    [InlineData("USE lake.sales", UseScope.Unspecified, "lake.sales")]
    [InlineData("USE sales", UseScope.Unspecified, "sales")]
    [InlineData("USE CATALOG lake", UseScope.Catalog, "lake")]
    [InlineData("USE DATABASE sales", UseScope.Database, "sales")]
    [InlineData("use schema lake.sales", UseScope.Database, "lake.sales")]
    [InlineData("USE NAMESPACE \"Sales\"", UseScope.Database, "Sales")]
    [InlineData("USE default", UseScope.Unspecified, "default")]
    [InlineData("USE lake.default", UseScope.Unspecified, "lake.default")]
    public void Use_AllForms(string sql, UseScope scope, string name)
    {
        var use = Parsed.As<UseStatement>(sql);
        Assert.Equal(scope, use.Scope);
        Assert.Equal(name, string.Join('.', use.Name.Parts));
    }

    [Theory]
    [InlineData("USE CATALOG a.b", 13)]
    [InlineData("USE a.b.c", 7)]
    public void Use_WithTooManyParts_Fails(string sql, int position)
    {
        Assert.Equal(position, Parsed.Fails(sql).Position);
    }
}
