namespace Iomete.Engine.Sql.Syntax;

/// <summary>Splits a script into statements.</summary>
public static class SqlScript
{
    /// <summary>
    /// The statements' spans, split at top-level semicolons (never inside strings, quoted identifiers, comments or
    /// parentheses). A span runs from a statement's first token to its last (comments around it and the semicolon
    /// excluded); empty statements are dropped.
    /// </summary>
    /// <exception cref="Sessions.SqlSyntaxException">An unterminated string, quoted identifier or comment.</exception>
    public static IReadOnlyList<TextSpan> Split(string text)
    {
        var tokens = SqlTokenizer.Tokenize(text);
        var spans = new List<TextSpan>();
        var first = -1;
        var depth = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.IsSymbol(";") && depth <= 0)
            {
                Add(spans, tokens, first, i);
                first = -1;
                depth = 0;
                continue;
            }

            if (token.IsSymbol("("))
            {
                depth++;
            }
            else if (token.IsSymbol(")"))
            {
                depth--;
            }

            if (first < 0)
            {
                first = i;
            }
        }

        Add(spans, tokens, first, tokens.Count);
        return spans;
    }

    private static void Add(List<TextSpan> spans, IReadOnlyList<SqlToken> tokens, int first, int endExclusive)
    {
        if (first >= 0 && endExclusive > first)
        {
            spans.Add(TextSpan.FromBounds(tokens[first].Start, tokens[endExclusive - 1].End));
        }
    }
}
