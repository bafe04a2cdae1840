using Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Tests.Sql.Syntax;

public sealed class CreateTableTests
{
    [Fact]
    public void CreateTable_WithEveryClause_ReadsThemAll()
    {
        const string sql = """
            CREATE TABLE IF NOT EXISTS lake.sales.orders (
              id BIGINT NOT NULL COMMENT 'the id',
              "Customer Name" VARCHAR DEFAULT 'n/a, (none)',
              amount DECIMAL(10, 2) NULL,
              tags INTEGER[],
              address STRUCT(street VARCHAR, zip INT),
              attrs MAP(VARCHAR, INT),
              ts TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL
            )
            USING iceberg
            PARTITIONED BY (bucket(16, id), days(ts), truncate(address.zip, 4), "Customer Name")
            COMMENT 'orders, as they come'
            LOCATION 's3://bucket/orders'
            TBLPROPERTIES ('format-version' = '2', 'write.parquet.compression-codec' = 'zstd')
            """;
        var create = Parsed.As<CreateTableStatement>(sql);
        Assert.Equal(["lake", "sales", "orders"], create.Name.Parts);
        Assert.True(create.IfNotExists);
        Assert.False(create.OrReplace);
        Assert.Equal(
            [
                ("id", "BIGINT", true, "the id"), ("Customer Name", "VARCHAR", false, null), ("amount", "DECIMAL(10, 2)", false, null),
                ("tags", "INTEGER[]", false, null), ("address", "STRUCT(street VARCHAR, zip INT)", false, null),
                ("attrs", "MAP(VARCHAR, INT)", false, null), ("ts", "TIMESTAMP WITH TIME ZONE", true, null),
            ],
            create.Columns.Select(col => (col.Name, col.TypeText, col.NotNull, col.Comment)));
        Assert.Equal("'n/a, (none)'", Parsed.Cut(sql, create.Columns[1].DefaultSpan));
        Assert.Equal("now()", Parsed.Cut(sql, create.Columns[6].DefaultSpan));
        Assert.Equal(
            [
                new PartitionTerm("bucket", ["id"], 16), new PartitionTerm("day", ["ts"], null),
                new PartitionTerm("truncate", ["address", "zip"], 4), new PartitionTerm("identity", ["Customer Name"], null),
            ],
            create.PartitionBy);
        Assert.Equal("orders, as they come", create.Comment);
        Assert.Equal("s3://bucket/orders", create.Location);
        Assert.Equal("2", create.Properties["format-version"]);
        Assert.Equal("zstd", create.Properties["write.parquet.compression-codec"]);
        Assert.Null(create.QuerySpan);
    }

    [Fact]
    public void CreateTable_SparkTypes_KeepTheirText()
    {
        var create = Parsed.As<CreateTableStatement>(
            "CREATE TABLE t (a ARRAY<INT>, b STRUCT<x: INT, y: ARRAY<STRING>>, c MAP<STRING,INT>, d ARRAY<ARRAY<INT>>)");
        Assert.Equal(["ARRAY<INT>", "STRUCT<x: INT, y: ARRAY<STRING>>", "MAP<STRING,INT>", "ARRAY<ARRAY<INT>>"], create.Columns.Select(col => col.TypeText));
    }

    [Fact]
    public void CreateTable_ClausesInAnyOrder_WithDuckDbProperties()
    {
        var create = Parsed.As<CreateTableStatement>(
            "create or replace table t (a int) with (\"write.format.default\" = parquet, retries = 3, enabled = true, min = -1) partitioned by (a)");
        Assert.True(create.OrReplace);
        Assert.Equal(new Dictionary<string, string> { ["write.format.default"] = "parquet", ["retries"] = "3", ["enabled"] = "true", ["min"] = "-1" }, create.Properties);
        Assert.Equal([new PartitionTerm("identity", ["a"], null)], create.PartitionBy);
    }

    [Theory]
    [InlineData("year(ts)", "year", null)]
    [InlineData("years(ts)", "year", null)]
    [InlineData("month(ts)", "month", null)]
    [InlineData("months(ts)", "month", null)]
    [InlineData("day(ts)", "day", null)]
    [InlineData("date(ts)", "day", null)]
    [InlineData("hour(ts)", "hour", null)]
    [InlineData("HOURS(ts)", "hour", null)]
    [InlineData("truncate(4, ts)", "truncate", 4)]
    [InlineData("void(ts)", "void", null)]
    [InlineData("identity(ts)", "identity", null)]
    public void PartitionTransforms_AreNormalized(string term, string transform, int? parameter)
    {
        var create = Parsed.As<CreateTableStatement>($"CREATE TABLE t (ts TIMESTAMP) PARTITIONED BY ({term})");
        Assert.Equal([new PartitionTerm(transform, ["ts"], parameter)], create.PartitionBy);
    }

    [Fact]
    public void CreateTableAsSelect_HasTheQuerySpan()
    {
        const string sql = "CREATE TABLE db.t USING iceberg PARTITIONED BY (a) AS WITH x AS (SELECT 1 AS a) SELECT * FROM x";
        var create = Parsed.As<CreateTableStatement>(sql);
        Assert.Empty(create.Columns);
        Assert.Equal("WITH x AS (SELECT 1 AS a) SELECT * FROM x", Parsed.Cut(sql, create.QuerySpan));
        Assert.Equal("db.t", Parsed.Cut(sql, create.Name.Span));
    }

    [Theory]
    [InlineData("CREATE TABLE t (a INT, PRIMARY KEY (a))", "the table constraint PRIMARY")]
    [InlineData("CREATE TABLE t (a INT, CHECK (a > 0))", "the table constraint CHECK")]
    [InlineData("CREATE TABLE t (a INT PRIMARY KEY)", "the column option PRIMARY")]
    [InlineData("CREATE TABLE t (a INT UNIQUE)", "the column option UNIQUE")]
    [InlineData("CREATE TABLE t (a INT) USING parquet", "the table format parquet")]
    [InlineData("CREATE TABLE t (a INT) AS SELECT 1", "a column list together with AS query")]
    public void CreateTable_UnsupportedForms_SayNotSupported(string sql, string what)
    {
        Assert.StartsWith(what, Parsed.Fails(sql).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CREATE TABLE t (a INT) COMMENT 'x' COMMENT 'y'", "COMMENT 'y'")]
    [InlineData("CREATE TABLE t (a INT) WITH (k = 1) TBLPROPERTIES ('k' = '2')", "TBLPROPERTIES")]
    [InlineData("CREATE TABLE t", "")]
    [InlineData("CREATE TABLE t (a INT) PARTITIONED BY (centuries(a))", "centuries")]
    [InlineData("CREATE TABLE t (a INT) PARTITIONED BY (bucket(a, 4))", "a, 4")]
    [InlineData("CREATE TABLE t (a STRUCT<x: INT)", ")")]
    [InlineData("CREATE OR REPLACE TABLE IF NOT EXISTS t (a INT)", "IF NOT")]
    [InlineData("CREATE TABLE t (a INT) LOCATION s3", "s3")]
    public void CreateTable_Malformed_FailsAtTheOffendingToken(string sql, string offending)
    {
        var expected = offending.Length == 0 ? sql.Length : sql.LastIndexOf(offending, StringComparison.Ordinal);
        Assert.Equal(expected, Parsed.Fails(sql).Position);
    }

    [Fact]
    public void CreateTable_DuplicateProperty_Fails()
    {
        Assert.Contains("duplicate property", Parsed.Fails("CREATE TABLE t (a INT) WITH (k = 1, k = 2)").Message, StringComparison.Ordinal);
    }
}
