using Iomete.Functions.Clusters.Jobs;

namespace Iomete.Functions.Clusters.Tests.Jobs;

public sealed class SqlScriptTests
{
    [Fact]
    public void Split_CutsAtSemicolonsOutsideQuotesAndComments()
    {
        var statements = SqlScript.Split("""
            CREATE TABLE t (x VARCHAR); -- first; still a comment
            INSERT INTO t VALUES ('a;b'), ("c;d"), ('it''s;');
            /* block; comment */ SELECT `x;y` FROM t;
            ;  -- only a comment
            """);
        Assert.Equal(3, statements.Count);
        Assert.Equal("CREATE TABLE t (x VARCHAR)", statements[0]);
        Assert.StartsWith("-- first; still a comment", statements[1]);
        Assert.EndsWith("('it''s;')", statements[1]);
        Assert.EndsWith("SELECT `x;y` FROM t", statements[2]);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("  ;  ; ", 0)]
    [InlineData("-- nothing here", 0)]
    [InlineData("SELECT 1", 1)]
    [InlineData("SELECT 'unterminated; quote", 1)]
    public void Split_CountsOnlyStatementsWithCode(string script, int count) => Assert.Equal(count, SqlScript.Split(script).Count);
}
