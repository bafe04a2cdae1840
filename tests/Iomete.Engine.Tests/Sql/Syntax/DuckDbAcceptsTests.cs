using System.Text.Json;
using DuckDB.NET.Data;
using Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Tests.Sql.Syntax;

/// <summary>
/// "DuckDB parses what we accept": for DuckDB-grammar forms, our parser and DuckDB's agree the text is well formed.
/// Queries go through json_serialize_sql; other statements run on an empty in-memory database, where only the
/// catalog may complain (missing tables, unsupported partitioning), never the parser.
/// </summary>
public sealed class DuckDbAcceptsTests
{
    public static TheoryData<string> Queries =>
    [
        "SELECT 1",
        "WITH s AS (SELECT 1 AS a) SELECT * FROM s",
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n FROM r",
        "FROM t SELECT a",
        "VALUES (1), (2)",
        "TABLE t",
        "(SELECT 1) UNION ALL (SELECT 2)",
        "SELECT ';' AS \"a;b\" /* ; */ FROM \"My Db\".t -- ;",
        "SELECT $$it's$$, E'a\\'b', ?",
    ];

    public static TheoryData<string> Statements =>
    [
        "INSERT INTO t (a, b) SELECT 1, 2",
        "INSERT INTO db.t BY NAME SELECT 1 AS a",
        "INSERT INTO t DEFAULT VALUES",
        "INSERT INTO t VALUES (1, 'x'), (2, 'y')",
        "WITH s AS (SELECT 1 AS a) INSERT INTO t SELECT a FROM s",
        "UPDATE t AS x SET a = 1 FROM s WHERE x.id = s.id",
        "UPDATE t x SET a = 1",
        "WITH s AS (SELECT 1 AS id) UPDATE t SET a = 2 WHERE id IN (SELECT id FROM s)",
        "DELETE FROM t USING s WHERE t.id = s.id",
        "DELETE FROM t AS x WHERE x.a = 1",
        "WITH s AS (SELECT 1 AS id) DELETE FROM t WHERE id IN (SELECT id FROM s)",
        "TRUNCATE t",
        "TRUNCATE TABLE t",
        "MERGE INTO t AS tgt USING s ON tgt.id = s.id WHEN MATCHED THEN DELETE",
        "WITH s AS (SELECT 1 AS id) MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE",
        "INSERT INTO t AS x SELECT 1",
        "EXPLAIN (FORMAT json) SELECT 1",
        "MERGE INTO t USING (SELECT 1 AS id) s ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id)",
        "CREATE TABLE t (a INTEGER NOT NULL DEFAULT 1, b STRUCT(x INT, y VARCHAR), c INTEGER[], d MAP(VARCHAR, INT), e DECIMAL(10, 2), f TIMESTAMP WITH TIME ZONE)",
        "CREATE TABLE db.t (a INT, ts TIMESTAMP) PARTITIONED BY (a) WITH (\"write.format.default\" = parquet, retries = 3)",
        "CREATE OR REPLACE TABLE t AS SELECT 1 AS a",
        "CREATE TABLE IF NOT EXISTS t AS WITH x AS (SELECT 1 AS a) SELECT * FROM x",
        "CREATE VIEW v (a) AS SELECT 1",
        "CREATE OR REPLACE VIEW db.v AS (SELECT 1)",
        "CREATE VIEW IF NOT EXISTS v AS SELECT 1",
        "CREATE SCHEMA IF NOT EXISTS s",
        "DROP SCHEMA IF EXISTS s CASCADE",
        "DROP TABLE IF EXISTS t CASCADE",
        "DROP VIEW IF EXISTS v",
        "ALTER TABLE t ADD COLUMN IF NOT EXISTS c VARCHAR DEFAULT 'x'",
        "ALTER TABLE t ADD c INT",
        "ALTER TABLE t DROP COLUMN IF EXISTS c",
        "ALTER TABLE t RENAME COLUMN a TO b",
        "ALTER TABLE t RENAME TO u",
        "ALTER TABLE t ALTER COLUMN a TYPE BIGINT",
        "ALTER TABLE t ALTER a SET DATA TYPE DECIMAL(12, 2)",
        "ALTER TABLE t ALTER a SET NOT NULL",
        "ALTER TABLE t ALTER COLUMN a DROP NOT NULL",
        "ALTER TABLE t SET PARTITIONED BY (a)",
        "ALTER TABLE t RESET PARTITIONED BY",
        "CREATE TABLE t (a INT, ts TIMESTAMP) PARTITIONED BY (bucket(16, a), day(ts), truncate(4, a))",
        "ALTER TABLE t SET (\"commit.retry.num-retries\" = 5)",
        "ALTER TABLE t RESET (k)",
        "DESCRIBE TABLE t",
        "SHOW TABLES",
        "SHOW DATABASES",
        "DESCRIBE t",
        "DESCRIBE SELECT 1",
        "USE s",
        "USE db.s",
        "EXPLAIN SELECT 1",
        "EXPLAIN ANALYZE SELECT 1",
        "SUMMARIZE t",
        "PIVOT t ON k USING sum(v)",
    ];

    /// <summary>Our dialect beyond DuckDB's grammar (the README's "SQL dialect" table): DuckDB's parser rejects each.</summary>
    public static TheoryData<string> OursOnly =>
    [
        "INSERT OVERWRITE TABLE t SELECT 1",
        "INSERT OVERWRITE t SELECT 1",
        "INSERT INTO TABLE t SELECT 1",
        "CREATE DATABASE s",
        "CREATE NAMESPACE s",
        "CREATE SCHEMA s COMMENT 'c'",
        "CREATE SCHEMA s LOCATION 's3://b/s'",
        "CREATE SCHEMA s WITH DBPROPERTIES ('k' = 'v')",
        "CREATE TABLE t (a INT) USING iceberg",
        "CREATE TABLE t (a INT) TBLPROPERTIES ('k' = 'v')",
        "CREATE TABLE t (a INT) COMMENT 'c'",
        "CREATE TABLE t (a INT) LOCATION 's3://b/t'",
        "CREATE TABLE t (a INT COMMENT 'c')",
        "CREATE TABLE t (a ARRAY<INT>)",
        "CREATE VIEW v COMMENT 'c' AS SELECT 1",
        "CREATE VIEW v TBLPROPERTIES ('k' = 'v') AS SELECT 1",
        "DROP DATABASE s",
        "DROP NAMESPACE s",
        "DROP TABLE t PURGE",
        "ALTER TABLE t ADD COLUMNS (a INT, b INT)",
        "ALTER TABLE t ADD COLUMN a INT NOT NULL",
        "ALTER TABLE t ADD COLUMN a INT COMMENT 'c'",
        "ALTER TABLE t ADD PARTITION FIELD bucket(16, a)",
        "ALTER TABLE t DROP PARTITION FIELD a",
        "ALTER TABLE t SET TBLPROPERTIES ('k' = 'v')",
        "ALTER TABLE t UNSET TBLPROPERTIES ('k')",
        "SHOW TABLES IN db",
        "SHOW TABLES LIKE 'a%'",
        "SHOW COLUMNS FROM t",
        "SHOW CREATE TABLE t",
        "SHOW TBLPROPERTIES t",
        "SHOW SNAPSHOTS FROM t",
        "DESCRIBE EXTENDED t",
        "DESCRIBE HISTORY t",
        "DESCRIBE QUERY SELECT 1",
        "USE CATALOG c",
        "USE DATABASE d",
        "USE NAMESPACE d",
    ];

    [Theory]
    [MemberData(nameof(OursOnly))]
    public async Task OurForm_IsOursAlone(string sql)
    {
        Assert.IsNotType<RefusedStatement>(SqlStatementParser.Parse(sql));
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var error = await Assert.ThrowsAsync<DuckDBException>(() => command.ExecuteNonQueryAsync());
        Assert.Contains("Parser Error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonSerializeSql_ReportsAParseError()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json_serialize_sql('SELEC 1')";
        using var ast = JsonDocument.Parse((string)(await command.ExecuteScalarAsync())!);
        Assert.True(ast.RootElement.GetProperty("error").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Query_ParsesInDuckDbToo(string sql)
    {
        Assert.IsType<QueryStatement>(SqlStatementParser.Parse(sql));
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json_serialize_sql(CAST($sql AS VARCHAR))";
        command.Parameters.Add(new DuckDBParameter("sql", sql));
        var json = (string)(await command.ExecuteScalarAsync())!;
        using var ast = JsonDocument.Parse(json);
        Assert.False(ast.RootElement.GetProperty("error").GetBoolean(), json);
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public async Task Statement_ParsesInDuckDbToo(string sql)
    {
        Assert.IsNotType<RefusedStatement>(SqlStatementParser.Parse(sql));
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (DuckDBException error)
        {
            Assert.DoesNotContain("Parser Error", error.Message, StringComparison.Ordinal);
        }
    }

    private static async Task<DuckDBConnection> OpenAsync()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync();
        return connection;
    }
}
