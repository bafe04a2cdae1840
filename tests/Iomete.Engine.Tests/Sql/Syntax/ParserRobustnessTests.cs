using Iomete.Engine.Sessions;
using Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Tests.Sql.Syntax;

public sealed class ParserRobustnessTests
{
    private static readonly string[] Fragments =
    [
        "SELECT", "INSERT", "INTO", "OVERWRITE", "UPDATE", "DELETE", "FROM", "MERGE", "USING", "CREATE", "TABLE", "VIEW", "SCHEMA",
        "DROP", "ALTER", "ADD", "COLUMN", "COLUMNS", "PARTITION", "FIELD", "PARTITIONED", "BY", "SET", "RESET", "UNSET",
        "TBLPROPERTIES", "WITH", "AS", "IF", "NOT", "EXISTS", "NULL", "DEFAULT", "COMMENT", "LOCATION", "SHOW", "DESCRIBE",
        "HISTORY", "USE", "CATALOG", "EXPLAIN", "ANALYZE", "TYPE", "RENAME", "TO", "TRUNCATE", "bucket", "truncate", "days",
        "t", "a", "b", "\"q\"", "'s'", "1", "16", "(", ")", ",", ".", "=", "<", ">", "[", "]", ":", "*", "-", ";", "ON", "CONFLICT",
        "RETURNING", "VALUES", "OR", "REPLACE", "TEMP", "STRUCT", "ARRAY", "INT", "WHERE", "EXTENSIONS", "LIKE", "IN",
    ];

    [Fact]
    public void RandomTokenSoup_EitherParsesOrThrowsSqlSyntaxException()
    {
        var random = new Random(4242);
        for (var i = 0; i < 20_000; i++)
        {
            var words = Enumerable.Range(0, random.Next(1, 12)).Select(_ => Fragments[random.Next(Fragments.Length)]);
            var sql = string.Join(' ', words);
            try
            {
                var statement = SqlStatementParser.Parse(sql);
                Assert.InRange(statement.Span.End, 0, sql.Length);
            }
            catch (SqlSyntaxException error)
            {
                Assert.InRange(error.Position ?? 0, 0, sql.Length);
            }
            catch (Exception other)
            {
                Assert.Fail($"{sql} -> {other}");
            }
        }
    }

    [Fact]
    public void EveryPrefixOfAValidStatement_EitherParsesOrThrowsSqlSyntaxException()
    {
        const string sql = "CREATE TABLE IF NOT EXISTS db.t (a STRUCT<x: INT> NOT NULL DEFAULT 1 COMMENT 'c', b DECIMAL(10,2)) " +
            "USING iceberg PARTITIONED BY (bucket(16, a), truncate(b, 2)) TBLPROPERTIES ('k' = 'v')";
        for (var length = 0; length <= sql.Length; length++)
        {
            try
            {
                SqlStatementParser.Parse(sql[..length]);
            }
            catch (SqlSyntaxException)
            {
            }
        }

        Assert.IsType<CreateTableStatement>(SqlStatementParser.Parse(sql));
    }
}
