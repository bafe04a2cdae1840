using Iomete.Engine.Sessions;
using Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Tests.Sql.Syntax;

public sealed class SqlTokenizerTests
{
    private static List<(SqlTokenKind Kind, string Text)> Lex(string sql) =>
        [.. SqlTokenizer.Tokenize(sql).Select(t => (t.Kind, t.Text))];

    [Fact]
    public void Words_Numbers_And_Operators_AreSeparateTokens()
    {
        Assert.Equal(
            [
                (SqlTokenKind.Word, "SELECT"), (SqlTokenKind.Word, "a"), (SqlTokenKind.Symbol, "::"), (SqlTokenKind.Word, "int"),
                (SqlTokenKind.Symbol, ","), (SqlTokenKind.Number, "1.5e3"), (SqlTokenKind.Symbol, "<>"), (SqlTokenKind.Number, ".5"),
                (SqlTokenKind.Symbol, "->>"), (SqlTokenKind.String, "'x'"), (SqlTokenKind.Symbol, "||"), (SqlTokenKind.Number, "1_000"),
            ],
            Lex("SELECT a::int, 1.5e3<>.5->>'x'||1_000"));
    }

    [Fact]
    public void QuotedIdentifier_WithDoubledQuotes_HasUnescapedValue()
    {
        var token = Assert.Single(SqlTokenizer.Tokenize("\"we\"\"ird name\""));
        Assert.Equal(SqlTokenKind.QuotedIdentifier, token.Kind);
        Assert.Equal("we\"ird name", token.Value);
        Assert.Equal(0, token.Start);
        Assert.Equal(14, token.Length);
    }

    [Theory]
    [InlineData("'it''s; -- not a comment'", "it's; -- not a comment")]
    [InlineData("E'a\\'b\\n'", "a'b\n")]
    [InlineData("$$ SELECT ';' $$", " SELECT ';' ")]
    [InlineData("$fn$ a $$ b $fn$", " a $$ b ")]
    [InlineData("X'FF'", "FF")]
    public void StringLiterals_AreOneTokenWithTheirContent(string sql, string value)
    {
        var token = Assert.Single(SqlTokenizer.Tokenize(sql));
        Assert.Equal(SqlTokenKind.String, token.Kind);
        Assert.Equal(value, token.Value);
        Assert.Equal(sql, token.Text);
    }

    [Fact]
    public void Comments_LineAndNestedBlock_AreSkipped()
    {
        Assert.Equal(
            [(SqlTokenKind.Word, "a"), (SqlTokenKind.Word, "b"), (SqlTokenKind.Symbol, "-"), (SqlTokenKind.Word, "c")],
            Lex("a -- comment ; x\n/* outer /* inner */ still comment */ b -/* c */c"));
    }

    [Theory]
    [InlineData("?", "?")]
    [InlineData("$1", "$1")]
    [InlineData("$name", "$name")]
    public void Parameters_AreParameterTokens(string sql, string text)
    {
        var token = Assert.Single(SqlTokenizer.Tokenize(sql));
        Assert.Equal(SqlTokenKind.Parameter, token.Kind);
        Assert.Equal(text, token.Text);
    }

    [Fact]
    public void Operator_DoesNotSwallowAFollowingMinus()
    {
        Assert.Equal([(SqlTokenKind.Word, "a"), (SqlTokenKind.Symbol, "<"), (SqlTokenKind.Symbol, "-"), (SqlTokenKind.Number, "1")], Lex("a<-1"));
    }

    [Theory]
    [InlineData("SELECT 'abc", 7)]
    [InlineData("SELECT \"abc", 7)]
    [InlineData("SELECT /* /* */ x", 7)]
    [InlineData("SELECT $$ x", 7)]
    public void Unterminated_Literals_ThrowWithTheirPosition(string sql, int position)
    {
        var error = Assert.Throws<SqlSyntaxException>(() => SqlTokenizer.Tokenize(sql));
        Assert.Equal(position, error.Position);
        Assert.Contains("unterminated", error.Message, StringComparison.Ordinal);
    }
}
