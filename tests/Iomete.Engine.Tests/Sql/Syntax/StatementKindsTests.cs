using Iomete.Engine.Sessions;
using Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Tests.Sql.Syntax;

public sealed class StatementKindsTests
{
    [Theory]
    [InlineData("SELECT 1", StatementKind.Query)]
    [InlineData("EXPLAIN SELECT 1", StatementKind.Explain)]
    [InlineData("INSERT INTO t VALUES (1)", StatementKind.Insert)]
    [InlineData("INSERT OVERWRITE t VALUES (1)", StatementKind.InsertOverwrite)]
    [InlineData("UPDATE t SET a = 1", StatementKind.Update)]
    [InlineData("TRUNCATE t", StatementKind.Delete)]
    [InlineData("MERGE INTO t USING s ON t.a = s.a WHEN MATCHED THEN DELETE", StatementKind.Merge)]
    [InlineData("CREATE TABLE t (a INT)", StatementKind.CreateTable)]
    [InlineData("CREATE TABLE t AS SELECT 1 AS a", StatementKind.CreateTableAsSelect)]
    [InlineData("CREATE VIEW v AS SELECT 1", StatementKind.CreateView)]
    [InlineData("CREATE DATABASE d", StatementKind.CreateDatabase)]
    [InlineData("DROP TABLE t", StatementKind.DropTable)]
    [InlineData("DROP VIEW v", StatementKind.DropView)]
    [InlineData("DROP DATABASE d", StatementKind.DropDatabase)]
    [InlineData("ALTER TABLE t RENAME TO u", StatementKind.AlterTable)]
    [InlineData("SHOW TABLES", StatementKind.Show)]
    [InlineData("DESCRIBE t", StatementKind.Describe)]
    [InlineData("USE d", StatementKind.Use)]
    public void KindOf_MapsEveryRecord(string sql, StatementKind kind)
    {
        Assert.Equal(kind, StatementKinds.KindOf(SqlStatementParser.Parse(sql)));
    }

    [Fact]
    public void KindOf_Refused_IsNull()
    {
        Assert.Null(StatementKinds.KindOf(SqlStatementParser.Parse("PRAGMA version")));
    }
}
