using Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Tests.Sql.Syntax;

public sealed class UpdateDeleteMergeTests
{
    [Theory]
    [InlineData("UPDATE t SET a = 1", null)]
    [InlineData("UPDATE t AS x SET a = 1", "x")]
    [InlineData("UPDATE t x SET a = 1 FROM s WHERE x.id = s.id", "x")]
    [InlineData("UPDATE t \"Set\" SET a = 1", "Set")]
    public void Update_ReadsTheAliasButNotSet(string sql, string? alias)
    {
        var update = Parsed.As<UpdateStatement>(sql);
        Assert.Equal("t", Parsed.Cut(sql, update.TargetSpan));
        Assert.Equal(alias, update.Alias);
    }

    [Fact]
    public void Update_OfATableNamedExtensions_IsAnUpdate()
    {
        Assert.Equal("extensions", Parsed.As<UpdateStatement>("UPDATE extensions SET a = 1").Target.Name);
    }

    [Theory]
    [InlineData("DELETE FROM db.t", null)]
    [InlineData("DELETE FROM db.t WHERE a = 'USING'", null)]
    [InlineData("DELETE FROM db.t USING s WHERE t.id = s.id", null)]
    [InlineData("DELETE FROM db.t AS x WHERE x.a = 1", "x")]
    [InlineData("delete from db.t x using s where x.id = s.id", "x")]
    public void Delete_ReadsTheAliasButNotUsingOrWhere(string sql, string? alias)
    {
        var delete = Parsed.As<DeleteStatement>(sql);
        Assert.Equal(["db", "t"], delete.Target.Parts);
        Assert.Equal(alias, delete.Alias);
        Assert.False(delete.TruncateAll);
    }

    [Theory]
    [InlineData("TRUNCATE t")]
    [InlineData("TRUNCATE TABLE t")]
    public void Truncate_IsADeleteOfAllRows(string sql)
    {
        var delete = Parsed.As<DeleteStatement>(sql);
        Assert.True(delete.TruncateAll);
        Assert.Equal("t", Parsed.Cut(sql, delete.TargetSpan));
    }

    [Theory]
    [InlineData("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", null)]
    [InlineData("MERGE INTO t AS tgt USING s ON tgt.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v", "tgt")]
    [InlineData("MERGE INTO t tgt USING (SELECT 1 AS id) s ON tgt.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id)", "tgt")]
    public void Merge_ReadsTheAliasButNotUsing(string sql, string? alias)
    {
        var merge = Parsed.As<MergeStatement>(sql);
        Assert.Equal("t", Parsed.Cut(sql, merge.TargetSpan));
        Assert.Equal(alias, merge.Alias);
    }

    [Fact]
    public void WithPrefixedUpdateDeleteAndMerge_CarryThePrefix()
    {
        const string update = "WITH s AS (SELECT 1 AS id) UPDATE t SET a = 2 WHERE id IN (SELECT id FROM s)";
        const string delete = "WITH s AS (SELECT 1 AS id) DELETE FROM t WHERE id IN (SELECT id FROM s)";
        const string merge = "WITH s AS (SELECT 1 AS id) MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE";
        Assert.Equal("WITH s AS (SELECT 1 AS id)", Parsed.Cut(update, Parsed.As<UpdateStatement>(update).WithPrefix));
        Assert.Equal("WITH s AS (SELECT 1 AS id)", Parsed.Cut(delete, Parsed.As<DeleteStatement>(delete).WithPrefix));
        Assert.Equal("WITH s AS (SELECT 1 AS id)", Parsed.Cut(merge, Parsed.As<MergeStatement>(merge).WithPrefix));
        Assert.Equal("t", Parsed.Cut(merge, Parsed.As<MergeStatement>(merge).TargetSpan));
    }

    [Theory]
    [InlineData("UPDATE t SET a = 1 RETURNING *")]
    [InlineData("DELETE FROM t RETURNING a")]
    public void Dml_Returning_IsNotSupported(string sql)
    {
        Assert.StartsWith("RETURNING is not supported", Parsed.Fails(sql).Message, StringComparison.Ordinal);
    }
}
