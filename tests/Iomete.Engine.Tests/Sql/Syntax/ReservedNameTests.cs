using Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Tests.Sql.Syntax;

/// <summary>Spark's database is called <c>default</c>, a reserved word in DuckDB: it may start a dotted name unquoted.</summary>
public sealed class ReservedNameTests
{
    [Fact]
    public void DefaultDatabase_QualifiesATableName()
    {
        const string sql = "INSERT INTO default.t VALUES (1)";
        var insert = Parsed.As<InsertStatement>(sql);
        Assert.Equal(["default", "t"], insert.Target.Parts);
        Assert.Equal("default.t", Parsed.Cut(sql, insert.TargetSpan));
        Assert.Equal(["lake", "default", "t"], Parsed.As<CreateTableStatement>("CREATE TABLE lake.default.t (a INT)").Name.Parts);
    }

    [Fact]
    public void DefaultDatabase_CanBeCreatedAndDropped()
    {
        Assert.Equal("default", Parsed.As<CreateDatabaseStatement>("CREATE DATABASE IF NOT EXISTS default").Name.Name);
        Assert.Equal("default", Parsed.As<DropDatabaseStatement>("DROP SCHEMA default").Name.Name);
    }

    [Fact]
    public void ReservedWord_AsABareTableName_StillFails()
    {
        Assert.Equal("syntax error at or near \"select\"", Parsed.Fails("DELETE FROM select").Message);
    }
}
