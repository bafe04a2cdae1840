namespace Iomete.Engine.Sql.Syntax;

/// <summary>Recursive descent over one statement's tokens; one file per family of statements.</summary>
internal sealed partial class StatementReader(TokenCursor c)
{
    private static readonly string[] QueryStarts = ["SELECT", "VALUES", "FROM", "TABLE", "PIVOT", "UNPIVOT", "SUMMARIZE", "WITH"];

    public SqlStatement Statement()
    {
        var start = c.Index;
        var statement = StatementBody(start);
        return statement with { Span = c.SpanOf(start, c.End) };
    }

    private SqlStatement StatementBody(int start)
    {
        var first = c.Current;
        if (first.IsSymbol("(") || c.IsAnyWord("SELECT", "VALUES", "FROM", "TABLE", "PIVOT", "UNPIVOT", "SUMMARIZE"))
        {
            c.SkipToEnd();
            return new QueryStatement();
        }

        if (first.Kind != SqlTokenKind.Word)
        {
            return Refused(first.Text, "is not a statement the engine runs");
        }

        return first.Text.ToUpperInvariant() switch
        {
            "WITH" => With(start),
            "EXPLAIN" => Explain(),
            "INSERT" => Insert(),
            "UPDATE" => c.IsWord("EXTENSIONS", 1) && (!c.Has(2) || c.IsSymbol("(", 2))
                ? Refused("UPDATE EXTENSIONS", "changes the engine's extensions")
                : Update(),
            "DELETE" => Delete(),
            "TRUNCATE" => Truncate(),
            "MERGE" => Merge(),
            "CREATE" => Create(),
            "DROP" => Drop(),
            "ALTER" => Alter(),
            "SHOW" => Show(),
            "DESCRIBE" or "DESC" => Describe(),
            "USE" => Use(),
            _ => RefusedKeyword(),
        };
    }

    /// <summary>A query the caller has positioned on: skipped to the end with parentheses checked; its span.</summary>
    private TextSpan QueryToEnd()
    {
        var start = c.Index;
        if (c.AtEnd || !(c.IsSymbol("(") || c.IsAnyWord(QueryStarts)))
        {
            throw c.Error();
        }

        c.SkipToEnd();
        return c.SpanOf(start, c.Index);
    }

    private bool AtQueryStart(int ahead = 0) =>
        c.IsSymbol("(", ahead) || QueryStarts.Any(w => c.IsWord(w, ahead));

    private SqlStatement With(int start)
    {
        c.ExpectWord("WITH");
        c.AcceptWord("RECURSIVE");
        do
        {
            c.Identifier();
            if (c.IsSymbol("("))
            {
                SkipParenthesized();
            }

            if (c.AcceptWord("USING"))
            {
                c.ExpectWord("KEY");
                SkipParenthesized();
            }

            c.ExpectWord("AS");
            c.AcceptWord("NOT");
            c.AcceptWord("MATERIALIZED");
            SkipParenthesized();
        }
        while (c.AcceptSymbol(","));

        var prefix = c.SpanOf(start, c.Index);
        SqlStatement statement;
        if (c.IsWord("INSERT"))
        {
            statement = Insert();
        }
        else if (c.IsWord("UPDATE"))
        {
            statement = Update();
        }
        else if (c.IsWord("DELETE"))
        {
            statement = Delete();
        }
        else if (c.IsWord("MERGE"))
        {
            statement = Merge();
        }
        else
        {
            QueryToEnd();
            statement = new QueryStatement();
        }

        return statement with { WithPrefix = prefix };
    }

    private SqlStatement Explain()
    {
        c.ExpectWord("EXPLAIN");
        var analyze = c.AcceptWord("ANALYZE") || c.AcceptWord("ANALYSE");
        if (c.IsSymbol("(") && c.Has(1) && c.Peek(1).Kind == SqlTokenKind.Word && !AtQueryStart(1))
        {
            // EXPLAIN (FORMAT json, ANALYZE) …: an option list, not a parenthesized query.
            var close = c.Index;
            SkipParenthesized();
            for (var i = close; i < c.Index; i++)
            {
                analyze |= c.TokenAt(i).IsWord("ANALYZE") || c.TokenAt(i).IsWord("ANALYSE");
            }
        }

        if (c.AtEnd)
        {
            throw c.Error();
        }

        var innerStart = c.Index;
        var inner = Statement();
        return inner switch
        {
            RefusedStatement refused => refused,
            ExplainStatement => throw new Sessions.SqlSyntaxException(
                $"syntax error at or near \"{c.TokenAt(innerStart).Text}\"", c.TokenAt(innerStart).Start),
            _ => new ExplainStatement(inner, analyze),
        };
    }

    private void SkipParenthesized()
    {
        c.ExpectSymbol("(");
        var depth = 1;
        while (depth > 0)
        {
            if (c.AtEnd)
            {
                throw c.Error();
            }

            if (c.Current.IsSymbol("("))
            {
                depth++;
            }
            else if (c.Current.IsSymbol(")"))
            {
                depth--;
            }

            c.Index++;
        }
    }

    /// <summary>A refused statement: the rest is not looked at (it may be anything DuckDB or Spark accept).</summary>
    private RefusedStatement Refused(string keyword, string reason)
    {
        c.Index = c.End;
        return new RefusedStatement(keyword, reason);
    }
}
