using Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Tests.Sql.Syntax;

public sealed class AlterTableTests
{
    private static T Action<T>(string sql)
        where T : AlterAction => Assert.IsType<T>(Parsed.As<AlterTableStatement>(sql).Action);

    [Fact]
    public void AddColumn_DuckDbForm()
    {
        var add = Action<AddColumns>("ALTER TABLE db.t ADD COLUMN IF NOT EXISTS c VARCHAR NOT NULL DEFAULT 'x'");
        Assert.True(add.IfNotExists);
        var column = Assert.Single(add.Columns);
        Assert.Equal(("c", "VARCHAR", true), (column.Name, column.TypeText, column.NotNull));
        Assert.Empty(column.Parent);
    }

    [Fact]
    public void AddColumn_NestedPath_HasAParent()
    {
        var column = Assert.Single(Action<AddColumns>("ALTER TABLE t ADD address.zip INT COMMENT 'postal'").Columns);
        Assert.Equal(["address"], column.Parent);
        Assert.Equal("zip", column.Name);
        Assert.Equal("postal", column.Comment);
    }

    [Theory]
    [InlineData("ALTER TABLE t ADD COLUMNS (a INT, b ARRAY<STRING> COMMENT 'bs')")]
    [InlineData("ALTER TABLE t ADD COLUMNS a INT, b ARRAY<STRING> COMMENT 'bs'")]
    public void AddColumns_SparkForms(string sql)
    {
        var add = Action<AddColumns>(sql);
        Assert.Equal([("a", "INT"), ("b", "ARRAY<STRING>")], add.Columns.Select(c => (c.Name, c.TypeText)));
        Assert.Equal("bs", add.Columns[1].Comment);
    }

    [Theory]
    [InlineData("ALTER TABLE t DROP COLUMN IF EXISTS a.b", true)]
    [InlineData("ALTER TABLE t DROP a", false)]
    public void DropColumn_ReadsPathAndIfExists(string sql, bool ifExists)
    {
        var drop = Action<DropColumn>(sql);
        Assert.Equal(ifExists, drop.IfExists);
        Assert.Equal(ifExists ? ["a", "b"] : ["a"], drop.Path);
    }

    [Fact]
    public void RenameColumn_And_RenameTable()
    {
        var column = Action<RenameColumn>("ALTER TABLE t RENAME COLUMN s.old TO \"New\"");
        Assert.Equal(["s", "old"], column.Path);
        Assert.Equal("New", column.NewName);
        Assert.Equal(["db", "t2"], Action<RenameTable>("ALTER TABLE t RENAME TO db.t2").To.Parts);
    }

    [Theory]
    [InlineData("ALTER TABLE t ALTER COLUMN a TYPE BIGINT", "BIGINT")]
    [InlineData("ALTER TABLE t ALTER a SET DATA TYPE DECIMAL(12, 2)", "DECIMAL(12, 2)")]
    public void AlterColumnType_KeepsTheTypeText(string sql, string type)
    {
        Assert.Equal(type, Action<AlterColumnType>(sql).TypeText);
    }

    [Theory]
    [InlineData("ALTER TABLE t ALTER COLUMN a SET NOT NULL", true)]
    [InlineData("ALTER TABLE t ALTER a DROP NOT NULL", false)]
    public void SetColumnNullability_ReadsTheDirection(string sql, bool notNull)
    {
        Assert.Equal(notNull, Action<SetColumnNullability>(sql).NotNull);
    }

    [Fact]
    public void Partitioning_SetResetAddDrop()
    {
        Assert.Equal(
            [new PartitionTerm("hour", ["ts"], null), new PartitionTerm("truncate", ["s"], 3)],
            Action<SetPartitioning>("ALTER TABLE t SET PARTITIONED BY (hours(ts), truncate(s, 3))").Terms);
        Action<ResetPartitioning>("ALTER TABLE t RESET PARTITIONED BY");
        Assert.Equal(new PartitionTerm("bucket", ["id"], 8), Action<AddPartitionField>("ALTER TABLE t ADD PARTITION FIELD bucket(8, id)").Term);
        Assert.Equal(new PartitionTerm("identity", ["region"], null), Action<DropPartitionField>("ALTER TABLE t DROP PARTITION FIELD region").Term);
    }

    [Theory]
    [InlineData("ALTER TABLE t SET (\"commit.retry.num-retries\" = 5)")]
    [InlineData("ALTER TABLE t SET TBLPROPERTIES ('commit.retry.num-retries' = '5')")]
    public void SetProperties_BothForms(string sql)
    {
        Assert.Equal(new Dictionary<string, string> { ["commit.retry.num-retries"] = "5" }, Action<SetProperties>(sql).Properties);
    }

    [Theory]
    [InlineData("ALTER TABLE t RESET (a, 'b.c')", false)]
    [InlineData("ALTER TABLE t UNSET TBLPROPERTIES IF EXISTS ('a', b.c)", true)]
    public void UnsetProperties_BothForms(string sql, bool ifExists)
    {
        var unset = Action<UnsetProperties>(sql);
        Assert.Equal(["a", "b.c"], unset.Keys);
        Assert.Equal(ifExists, unset.IfExists);
    }

    [Theory]
    [InlineData("ALTER TABLE t ADD PRIMARY KEY (a)", "the table constraint PRIMARY")]
    [InlineData("ALTER TABLE t ADD PARTITION FIELD bucket(4, a) AS shard", "a named partition field (ADD PARTITION FIELD … AS)")]
    [InlineData("ALTER TABLE t ALTER a TYPE INT USING a::INT", "ALTER COLUMN … TYPE … USING")]
    [InlineData("ALTER TABLE t ALTER a SET DEFAULT 1", "ALTER COLUMN … SET DEFAULT")]
    [InlineData("ALTER TABLE t ALTER COLUMN a COMMENT 'x'", "ALTER COLUMN … COMMENT")]
    [InlineData("ALTER TABLE IF EXISTS t RENAME TO u", "ALTER TABLE IF EXISTS")]
    [InlineData("ALTER TABLE t SET LOCATION 'x'", "SET LOCATION")]
    public void Alter_UnsupportedForms_SayNotSupported(string sql, string what)
    {
        Assert.StartsWith(what + " is not supported", Parsed.Fails(sql).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AlterView_IsRefused()
    {
        Assert.Equal("ALTER VIEW", Parsed.As<RefusedStatement>("ALTER VIEW v RENAME TO w").Keyword);
    }

    [Fact]
    public void Alter_UnknownAction_FailsAtIt()
    {
        var error = Parsed.Fails("ALTER TABLE t FROB a");
        Assert.Equal("syntax error at or near \"FROB\"", error.Message);
        Assert.Equal(14, error.Position);
    }
}
