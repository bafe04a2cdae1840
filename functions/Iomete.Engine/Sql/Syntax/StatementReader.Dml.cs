namespace Iomete.Engine.Sql.Syntax;

internal sealed partial class StatementReader
{
    private InsertStatement Insert()
    {
        c.ExpectWord("INSERT");
        if (c.IsWord("OR"))
        {
            var action = c.Has(1) ? c.Peek(1).Text.ToUpperInvariant() : "";
            throw c.NotSupported($"INSERT OR {action}".TrimEnd() + " (use MERGE INTO)");
        }

        bool overwrite;
        if (c.AcceptWord("INTO"))
        {
            overwrite = false;
        }
        else if (c.AcceptWord("OVERWRITE"))
        {
            overwrite = true;
        }
        else
        {
            throw c.Error();
        }

        c.AcceptWord("TABLE");
        var target = c.QualifiedName();
        var bodyStart = c.Index;
        if (c.AcceptWord("AS"))
        {
            c.Identifier();
        }

        while (true)
        {
            if (c.AcceptWords("BY", "NAME") || c.AcceptWords("BY", "POSITION"))
            {
                continue;
            }

            if (c.IsSymbol("(") && !AtQueryStart(1))
            {
                SkipParenthesized();
                continue;
            }

            break;
        }

        if (c.IsWord("PARTITION"))
        {
            throw c.NotSupported("INSERT … PARTITION (…)");
        }

        TextSpan? querySpan = null;
        if (!c.AcceptWords("DEFAULT", "VALUES"))
        {
            var queryStart = c.Index;
            if (!AtQueryStart())
            {
                throw c.Error();
            }

            c.SkipUntil(cursor => cursor.IsWord("RETURNING") || (cursor.IsWord("ON") && cursor.IsWord("CONFLICT", 1)));
            querySpan = c.SpanOf(queryStart, c.Index);
        }

        RefuseReturningAndConflict();
        return new InsertStatement(target, overwrite, target.Span, c.SpanOf(bodyStart, c.End), querySpan);
    }

    private UpdateStatement Update()
    {
        c.ExpectWord("UPDATE");
        var target = c.QualifiedName();
        var alias = Alias("SET");
        if (!c.IsWord("SET"))
        {
            throw c.Error();
        }

        c.SkipUntil(cursor => cursor.IsWord("RETURNING"));
        RefuseReturningAndConflict();
        return new UpdateStatement(target, target.Span, alias);
    }

    private DeleteStatement Delete()
    {
        c.ExpectWord("DELETE");
        c.ExpectWord("FROM");
        var target = c.QualifiedName();
        var alias = Alias();
        if (!c.AtEnd && !c.IsWord("USING") && !c.IsWord("WHERE") && !c.IsWord("RETURNING"))
        {
            throw c.Error();
        }

        c.SkipUntil(cursor => cursor.IsWord("RETURNING"));
        RefuseReturningAndConflict();
        return new DeleteStatement(target, target.Span, alias, TruncateAll: false);
    }

    private DeleteStatement Truncate()
    {
        c.ExpectWord("TRUNCATE");
        c.AcceptWord("TABLE");
        var target = c.QualifiedName();
        return new DeleteStatement(target, target.Span, Alias: null, TruncateAll: true);
    }

    private MergeStatement Merge()
    {
        c.ExpectWord("MERGE");
        c.ExpectWord("INTO");
        var target = c.QualifiedName();
        var alias = Alias();
        if (!c.IsWord("USING"))
        {
            throw c.Error();
        }

        c.SkipUntil(cursor => cursor.IsWord("RETURNING"));
        RefuseReturningAndConflict();
        return new MergeStatement(target, target.Span, alias);
    }

    /// <summary>An explicit alias after a DML target: <c>AS x</c> or a bare identifier that is not the next clause's keyword.</summary>
    private string? Alias(string? clauseKeyword = null)
    {
        if (c.AcceptWord("AS"))
        {
            return c.Identifier();
        }

        if (c.IsIdentifier() && (clauseKeyword is null || !c.IsWord(clauseKeyword)))
        {
            return c.Identifier();
        }

        return null;
    }

    private void RefuseReturningAndConflict()
    {
        if (c.IsWord("RETURNING"))
        {
            throw c.NotSupported("RETURNING");
        }

        if (c.IsWord("ON") && c.IsWord("CONFLICT", 1))
        {
            throw c.NotSupported("ON CONFLICT (use MERGE INTO)");
        }
    }
}
