using Iomete.Engine.Sessions;

namespace Iomete.Engine.Sql.Syntax;

/// <summary>Walks the tokens of one statement; errors carry the offending token's position as DuckDB's do.</summary>
internal sealed class TokenCursor(string text, IReadOnlyList<SqlToken> tokens, int end)
{
    // Reserved in PostgreSQL/DuckDB: never a table name or an alias unless quoted.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "ALL", "ANALYSE", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC", "ASYMMETRIC", "BOTH", "CASE", "CAST", "CHECK",
        "COLLATE", "COLUMN", "CONSTRAINT", "CREATE", "DEFAULT", "DEFERRABLE", "DESC", "DISTINCT", "DO", "ELSE", "END",
        "EXCEPT", "FALSE", "FETCH", "FOR", "FOREIGN", "FROM", "GRANT", "GROUP", "HAVING", "IN", "INITIALLY", "INTERSECT",
        "INTO", "LATERAL", "LEADING", "LIMIT", "NOT", "NULL", "OFFSET", "ON", "ONLY", "OR", "ORDER", "PIVOT", "PLACING",
        "PRIMARY", "QUALIFY", "REFERENCES", "RETURNING", "SELECT", "SOME", "SYMMETRIC", "TABLE", "THEN", "TO",
        "TRAILING", "TRUE", "UNION", "UNIQUE", "UNPIVOT", "USING", "VARIADIC", "WHEN", "WHERE", "WINDOW", "WITH",
    };

    public string Text { get; } = text;

    public int Index { get; set; }

    /// <summary>The index after the statement's last token (a trailing semicolon is outside).</summary>
    public int End { get; } = end;

    public bool AtEnd => Index >= End;

    public SqlToken Current => Peek(0);

    public SqlToken Peek(int ahead) => Index + ahead < End ? tokens[Index + ahead] : default;

    public SqlToken TokenAt(int index) => tokens[index];

    public bool Has(int ahead) => Index + ahead < End;

    public bool IsWord(string word, int ahead = 0) => Has(ahead) && Peek(ahead).IsWord(word);

    public bool IsAnyWord(params string[] words) => Has(0) && words.Any(Current.IsWord);

    public bool IsSymbol(string symbol, int ahead = 0) => Has(ahead) && Peek(ahead).IsSymbol(symbol);

    public bool AcceptWord(string word)
    {
        if (!IsWord(word))
        {
            return false;
        }

        Index++;
        return true;
    }

    public bool AcceptWords(params string[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (!IsWord(words[i], i))
            {
                return false;
            }
        }

        Index += words.Length;
        return true;
    }

    public void ExpectWord(string word)
    {
        if (!AcceptWord(word))
        {
            throw Error();
        }
    }

    public bool AcceptSymbol(string symbol)
    {
        if (!IsSymbol(symbol))
        {
            return false;
        }

        Index++;
        return true;
    }

    public void ExpectSymbol(string symbol)
    {
        if (!AcceptSymbol(symbol))
        {
            throw Error();
        }
    }

    public void ExpectEnd()
    {
        if (!AtEnd)
        {
            throw Error();
        }
    }

    public SqlSyntaxException Error() =>
        AtEnd
            ? new SqlSyntaxException("syntax error at end of input", End > 0 ? tokens[End - 1].End : 0)
            : new SqlSyntaxException($"syntax error at or near \"{Current.Text}\"", Current.Start);

    public SqlSyntaxException NotSupported(string what) =>
        new($"{what} is not supported", AtEnd ? (End > 0 ? tokens[End - 1].End : 0) : Current.Start);

    public bool IsIdentifier(int ahead = 0) =>
        Has(ahead) && (Peek(ahead).Kind == SqlTokenKind.QuotedIdentifier
                       || (Peek(ahead).Kind == SqlTokenKind.Word && !Reserved.Contains(Peek(ahead).Text)));

    /// <summary>One identifier: a non-reserved word as written or a quoted identifier's exact content.</summary>
    public string Identifier()
    {
        if (!IsIdentifier())
        {
            throw Error();
        }

        return tokens[Index++].Value;
    }

    /// <summary>A dotted identifier path (a.b.c); after the first part any word is allowed, as in DuckDB.</summary>
    public IReadOnlyList<string> Path()
    {
        var parts = new List<string> { Identifier() };
        while (IsSymbol(".") && Has(1) && Peek(1).IsIdentifier)
        {
            Index++;
            parts.Add(tokens[Index++].Value);
        }

        return parts;
    }

    /// <summary>
    /// A name of up to <paramref name="maxParts"/> parts. A reserved word may start it when a dot follows
    /// (<c>default.t</c>) or where the position admits nothing else (<paramref name="allowReserved"/>: <c>USE default</c>).
    /// </summary>
    public QualifiedName QualifiedName(int maxParts = 3, bool allowReserved = false)
    {
        var start = Index;
        var reservedAllowed = Has(0) && Current.Kind == SqlTokenKind.Word && (allowReserved || (IsSymbol(".", 1) && maxParts > 1));
        if (!IsIdentifier() && !reservedAllowed)
        {
            throw Error();
        }

        var parts = new List<string>();
        var quoted = new List<bool>();
        while (true)
        {
            var token = tokens[Index++];
            parts.Add(token.Value);
            quoted.Add(token.Kind == SqlTokenKind.QuotedIdentifier);
            if (!IsSymbol("."))
            {
                break;
            }

            if (parts.Count == maxParts || !Has(1) || !Peek(1).IsIdentifier)
            {
                throw Error();
            }

            Index++;
        }

        return new QualifiedName(parts, SpanOf(start, Index)) { Quoted = quoted };
    }

    /// <summary>A string literal's content.</summary>
    public string StringLiteral()
    {
        if (!Has(0) || Current.Kind != SqlTokenKind.String)
        {
            throw Error();
        }

        return tokens[Index++].Value;
    }

    /// <summary>The span from the start of token <paramref name="from"/> to the end of token <paramref name="toExclusive"/> - 1.</summary>
    public TextSpan SpanOf(int from, int toExclusive) =>
        toExclusive > from
            ? TextSpan.FromBounds(tokens[from].Start, tokens[toExclusive - 1].End)
            : new TextSpan(from < End ? tokens[from].Start : (End > 0 ? tokens[End - 1].End : 0), 0);

    /// <summary>Skips to the end of the statement, checking that parentheses balance.</summary>
    public void SkipToEnd() => SkipUntil(_ => false);

    /// <summary>Skips balanced tokens until <paramref name="stop"/> holds at parenthesis depth 0 (or the end); unbalanced parentheses throw.</summary>
    public void SkipUntil(Func<TokenCursor, bool> stop)
    {
        var open = new Stack<int>();
        while (!AtEnd)
        {
            if (open.Count == 0 && stop(this))
            {
                return;
            }

            var token = Current;
            if (token.IsSymbol("(") || token.IsSymbol("[") || token.IsSymbol("{"))
            {
                open.Push(Index);
            }
            else if (token.IsSymbol(")") || token.IsSymbol("]") || token.IsSymbol("}"))
            {
                if (open.Count == 0 || !Matches(tokens[open.Pop()].Text, token.Text))
                {
                    throw Error();
                }
            }

            Index++;
        }

        if (open.Count > 0)
        {
            throw Error();
        }
    }

    private static bool Matches(string open, string close) =>
        (open, close) is ("(", ")") or ("[", "]") or ("{", "}");
}
