using Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Tests.Sql.Syntax;

public sealed class RefusedStatementTests
{
    [Theory]
    [InlineData("SET threads = 1", "SET")]
    [InlineData("RESET threads", "RESET")]
    [InlineData("PRAGMA database_list", "PRAGMA")]
    [InlineData("ATTACH 'x.db' AS x", "ATTACH")]
    [InlineData("DETACH x", "DETACH")]
    [InlineData("COPY t TO '/etc/passwd'", "COPY")]
    [InlineData("INSTALL httpfs", "INSTALL")]
    [InlineData("LOAD httpfs", "LOAD")]
    [InlineData("FORCE INSTALL httpfs", "FORCE INSTALL")]
    [InlineData("FORCE CHECKPOINT", "FORCE CHECKPOINT")]
    [InlineData("CALL duckdb_settings()", "CALL")]
    [InlineData("EXPORT DATABASE '/tmp/x'", "EXPORT DATABASE")]
    [InlineData("IMPORT DATABASE '/tmp/x'", "IMPORT DATABASE")]
    [InlineData("CHECKPOINT", "CHECKPOINT")]
    [InlineData("VACUUM", "VACUUM")]
    [InlineData("ANALYZE t", "ANALYZE")]
    [InlineData("BEGIN TRANSACTION", "BEGIN")]
    [InlineData("START TRANSACTION", "START")]
    [InlineData("COMMIT", "COMMIT")]
    [InlineData("ROLLBACK", "ROLLBACK")]
    [InlineData("ABORT", "ABORT")]
    [InlineData("PREPARE p AS SELECT 1", "PREPARE")]
    [InlineData("EXECUTE p", "EXECUTE")]
    [InlineData("DEALLOCATE p", "DEALLOCATE")]
    [InlineData("CREATE MACRO m(a) AS a + 1", "CREATE MACRO")]
    [InlineData("CREATE OR REPLACE FUNCTION f(a) AS a", "CREATE FUNCTION")]
    [InlineData("CREATE SEQUENCE s", "CREATE SEQUENCE")]
    [InlineData("CREATE TYPE mood AS ENUM ('a')", "CREATE TYPE")]
    [InlineData("CREATE INDEX i ON t (a)", "CREATE INDEX")]
    [InlineData("CREATE UNIQUE INDEX i ON t (a)", "CREATE UNIQUE INDEX")]
    [InlineData("CREATE SECRET (TYPE s3)", "CREATE SECRET")]
    [InlineData("CREATE PERSISTENT SECRET s (TYPE s3)", "CREATE PERSISTENT SECRET")]
    [InlineData("CREATE TEMP TABLE t (a INT)", "CREATE TEMPORARY TABLE")]
    [InlineData("CREATE OR REPLACE TEMPORARY VIEW v AS SELECT 1", "CREATE TEMPORARY VIEW")]
    [InlineData("DROP MACRO m", "DROP MACRO")]
    [InlineData("DROP FUNCTION f", "DROP FUNCTION")]
    [InlineData("DROP SEQUENCE s", "DROP SEQUENCE")]
    [InlineData("DROP TYPE mood", "DROP TYPE")]
    [InlineData("DROP INDEX i", "DROP INDEX")]
    [InlineData("DROP SECRET s", "DROP SECRET")]
    [InlineData("UPDATE EXTENSIONS", "UPDATE EXTENSIONS")]
    [InlineData("UPDATE EXTENSIONS (httpfs)", "UPDATE EXTENSIONS")]
    [InlineData("GRANT SELECT ON t TO u", "GRANT")]
    [InlineData("frobnicate the (unbalanced whatever", "FROBNICATE")]
    [InlineData("42", "42")]
    public void SessionForbiddenStatements_AreRefusedNotThrown(string sql, string keyword)
    {
        var refused = Parsed.As<RefusedStatement>(sql);
        Assert.Equal(keyword, refused.Keyword);
        Assert.False(string.IsNullOrWhiteSpace(refused.Reason));
        Assert.Equal(0, refused.Span.Start);
    }
}
