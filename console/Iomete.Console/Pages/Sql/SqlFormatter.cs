using System.Text;

namespace Iomete.Console.Pages.Sql;

/// <summary>
/// The editor's Format action: keywords in upper case, each major clause on a line of its own, select lists one
/// expression a line. Literals, quoted names and comments are kept exactly as written.
/// </summary>
public static class SqlFormatter
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "from", "where", "group", "by", "order", "having", "limit", "offset", "join", "left", "right", "full",
        "inner", "outer", "cross", "on", "using", "as", "and", "or", "not", "in", "is", "null", "like", "between", "case",
        "when", "then", "else", "end", "union", "all", "distinct", "insert", "into", "values", "update", "set", "delete",
        "create", "table", "view", "drop", "alter", "with", "asc", "desc", "exists", "qualify", "partitioned", "if",
        "true", "false", "merge", "matched", "overwrite", "describe", "show", "use", "database", "schema", "cast",
        "intersect", "except", "window", "over", "partition", "rows", "range", "interval", "replace", "tables",
    };

    // Words that start a new line (the first word of a multi-word clause).
    private static readonly HashSet<string> ClauseStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "from", "where", "group", "order", "having", "limit", "offset", "join", "left", "right", "full", "inner",
        "cross", "union", "intersect", "except", "values", "set", "qualify", "window", "insert", "update", "delete",
    };

    /// <summary>The formatted text of every statement of <paramref name="sql"/>, separated by blank lines.</summary>
    public static string Format(string sql)
    {
        var statements = SqlText.Split(sql);
        return statements.Count == 0 ? sql : string.Join(";\n\n", statements.Select(s => FormatStatement(s.Text))) + ";\n";
    }

    private static string FormatStatement(string sql)
    {
        var tokens = Tokenize(sql);
        var sb = new StringBuilder();
        var depth = 0;
        var inSelect = false;
        string? previous = null;
        foreach (var token in tokens)
        {
            var word = token.Kind == TokenKind.Word && Keywords.Contains(token.Text) ? token.Text.ToUpperInvariant() : token.Text;
            var clause = token.Kind == TokenKind.Word && depth == 0 && ClauseStarts.Contains(token.Text)
                && !(previous is "LEFT" or "RIGHT" or "FULL" or "INNER" or "CROSS" or "OUTER" && word is "JOIN" or "OUTER")
                && !(previous is "UNION" or "INTERSECT" or "EXCEPT" && word is "ALL")
                && !(previous is "DELETE" && word is "FROM") && !(previous is "INSERT" && word is "INTO");
            if (clause && sb.Length > 0)
            {
                sb.Append('\n');
                inSelect = word == "SELECT";
            }
            else if (word == "SELECT")
            {
                inSelect = true;
            }
            else if (token.Text == "," && depth == 0 && inSelect)
            {
                sb.Append(",\n  ");
                previous = "\n";
                continue;
            }
            else if (NeedsSpace(previous, token))
            {
                sb.Append(' ');
            }
            if (token.Text == "(")
            {
                depth++;
            }
            else if (token.Text == ")")
            {
                depth = Math.Max(0, depth - 1);
            }
            if (word == "SELECT" && depth == 0)
            {
                sb.Append(word).Append("\n  ");
                previous = "\n";
                continue;
            }
            sb.Append(word);
            if (token.Kind == TokenKind.Comment && token.Text.StartsWith("--", StringComparison.Ordinal))
            {
                sb.Append('\n');
                previous = "\n";
                continue;
            }
            if (clause && word is "FROM" or "WHERE" or "HAVING" or "QUALIFY" or "LIMIT" or "OFFSET" or "SET")
            {
                inSelect = false;
            }
            previous = word;
        }
        return sb.ToString().Trim();
    }

    private static bool NeedsSpace(string? previous, Token token) =>
        previous is not null and not "\n" and not "(" and not "." && token.Text is not ")" and not "," and not "." and not "("
        || (token.Text == "(" && previous is not null and not "\n" and not "(" and not "." && Keywords.Contains(previous));

    private enum TokenKind
    {
        Word,
        Quoted,
        Comment,
        Symbol,
    }

    private sealed record Token(TokenKind Kind, string Text);

    private static List<Token> Tokenize(string sql)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '\'' or '"' or '`')
            {
                var end = SqlText.SkipQuoted(sql, i, c);
                tokens.Add(new Token(TokenKind.Quoted, sql[i..end]));
                i = end;
            }
            else if (c == '-' && SqlText.At(sql, i + 1) == '-')
            {
                var end = SqlText.SkipTo(sql, i + 2, "\n");
                tokens.Add(new Token(TokenKind.Comment, sql[i..end].TrimEnd()));
                i = end;
            }
            else if (c == '/' && SqlText.At(sql, i + 1) == '*')
            {
                var end = SqlText.SkipTo(sql, i + 2, "*/");
                tokens.Add(new Token(TokenKind.Comment, sql[i..end]));
                i = end;
            }
            else if (char.IsLetterOrDigit(c) || c is '_' or '$' or '{' or '}')
            {
                var start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$' or '{' or '}'))
                {
                    i++;
                }
                tokens.Add(new Token(TokenKind.Word, sql[start..i]));
            }
            else
            {
                // Two-character operators stay together.
                var two = i + 1 < sql.Length ? sql.Substring(i, 2) : "";
                var symbol = two is "<=" or ">=" or "<>" or "!=" or "||" or "::" or "=>" ? two : c.ToString();
                tokens.Add(new Token(TokenKind.Symbol, symbol));
                i += symbol.Length;
            }
        }
        return tokens;
    }
}
