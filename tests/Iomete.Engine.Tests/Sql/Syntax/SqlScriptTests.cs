using Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Tests.Sql.Syntax;

public sealed class SqlScriptTests
{
    private static List<string> Split(string script) => [.. SqlScript.Split(script).Select(span => SqlText.Cut(script, span))];

    [Fact]
    public void Split_AtTopLevelSemicolons_DropsEmptyStatements()
    {
        Assert.Equal(["SELECT 1", "SELECT 2", "SELECT 3"], Split(" SELECT 1;;\n SELECT 2 ; ; SELECT 3"));
    }

    [Fact]
    public void Split_IgnoresSemicolonsInStringsIdentifiersAndComments()
    {
        const string script = "SELECT ';' AS \"a;b\" -- x; y\n; /* ; */ SELECT $$;$$; SELECT E'\\';'";
        Assert.Equal(["SELECT ';' AS \"a;b\"", "SELECT $$;$$", "SELECT E'\\';'"], Split(script));
    }

    [Fact]
    public void Split_OfOnlyCommentsAndSemicolons_IsEmpty()
    {
        Assert.Empty(SqlScript.Split("-- nothing\n ; /* here */ ;"));
    }

    [Fact]
    public void Split_KeepsATrailingStatementWithoutSemicolon()
    {
        Assert.Equal(["CREATE TABLE t (a INT)", "INSERT INTO t VALUES (1)"], Split("CREATE TABLE t (a INT);\nINSERT INTO t VALUES (1)\n-- end"));
    }
}
