using System.Text;
using Iomete.Engine.Sessions;

namespace Iomete.Engine.Sql.Syntax;

/// <summary>
/// DuckDB/PostgreSQL lexing: words, quoted identifiers, string literals (plain, E'', X'', B'', dollar-quoted), numbers,
/// parameters, operators and punctuation. Comments (<c>--</c> and nested <c>/* */</c>) and whitespace are skipped.
/// </summary>
public static class SqlTokenizer
{
    private const string OperatorChars = "+-*/<>=~!@#%^&|`";

    /// <exception cref="SqlSyntaxException">An unterminated string, quoted identifier or comment.</exception>
    public static IReadOnlyList<SqlToken> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<SqlToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && At(text, i + 1) == '-')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && At(text, i + 1) == '*')
            {
                i = SkipBlockComment(text, i);
            }
            else
            {
                var token = ReadToken(text, i);
                tokens.Add(token);
                i = token.End;
            }
        }

        return tokens;
    }

    private static SqlToken ReadToken(string text, int i)
    {
        var c = text[i];
        if (c == '\'')
        {
            return ReadQuoted(text, i, i, '\'', SqlTokenKind.String, backslashEscapes: false);
        }

        if (c == '"')
        {
            return ReadQuoted(text, i, i, '"', SqlTokenKind.QuotedIdentifier, backslashEscapes: false);
        }

        if ("eExXbB".Contains(c, StringComparison.Ordinal) && At(text, i + 1) == '\'')
        {
            return ReadQuoted(text, i, i + 1, '\'', SqlTokenKind.String, backslashEscapes: c is 'e' or 'E');
        }

        if (IsWordStart(c))
        {
            var end = i + 1;
            while (end < text.Length && IsWordPart(text[end]))
            {
                end++;
            }

            return Token(text, SqlTokenKind.Word, i, end);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(At(text, i + 1))))
        {
            return ReadNumber(text, i);
        }

        if (c == '$')
        {
            return ReadDollar(text, i);
        }

        if (c == '?')
        {
            return Token(text, SqlTokenKind.Parameter, i, i + 1);
        }

        if (c == ':' && At(text, i + 1) is ':' or '=')
        {
            return Token(text, SqlTokenKind.Symbol, i, i + 2);
        }

        if (OperatorChars.Contains(c, StringComparison.Ordinal))
        {
            return ReadOperator(text, i);
        }

        return Token(text, SqlTokenKind.Symbol, i, i + 1);
    }

    private static SqlToken ReadQuoted(string text, int start, int quoteAt, char quote, SqlTokenKind kind, bool backslashEscapes)
    {
        var value = new StringBuilder();
        var i = quoteAt + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (backslashEscapes && c == '\\' && i + 1 < text.Length)
            {
                value.Append(Unescape(text[i + 1]));
                i += 2;
            }
            else if (c == quote && At(text, i + 1) == quote)
            {
                value.Append(quote);
                i += 2;
            }
            else if (c == quote)
            {
                return new SqlToken(kind, start, i + 1 - start, text[start..(i + 1)], value.ToString());
            }
            else
            {
                value.Append(c);
                i++;
            }
        }

        var what = kind == SqlTokenKind.String ? "unterminated quoted string" : "unterminated quoted identifier";
        throw new SqlSyntaxException($"{what} at or near \"{Excerpt(text, start)}\"", start);
    }

    private static char Unescape(char c) => c switch
    {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        'b' => '\b',
        'f' => '\f',
        _ => c,
    };

    private static SqlToken ReadDollar(string text, int i)
    {
        if (char.IsAsciiDigit(At(text, i + 1)))
        {
            var end = i + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            return Token(text, SqlTokenKind.Parameter, i, end);
        }

        var tagEnd = i + 1;
        while (tagEnd < text.Length && IsWordPart(text[tagEnd]) && text[tagEnd] != '$')
        {
            tagEnd++;
        }

        if (At(text, tagEnd) != '$')
        {
            // $name: a named parameter.
            return tagEnd > i + 1 ? Token(text, SqlTokenKind.Parameter, i, tagEnd) : Token(text, SqlTokenKind.Symbol, i, i + 1);
        }

        var delimiter = text[i..(tagEnd + 1)];
        var close = text.IndexOf(delimiter, tagEnd + 1, StringComparison.Ordinal);
        if (close < 0)
        {
            throw new SqlSyntaxException($"unterminated dollar-quoted string at or near \"{Excerpt(text, i)}\"", i);
        }

        var end2 = close + delimiter.Length;
        return new SqlToken(SqlTokenKind.String, i, end2 - i, text[i..end2], text[(tagEnd + 1)..close]);
    }

    private static SqlToken ReadNumber(string text, int i)
    {
        var end = i;
        if (text[i] == '0' && At(text, i + 1) is 'x' or 'X' or 'b' or 'B' && char.IsAsciiHexDigit(At(text, i + 2)))
        {
            end = i + 2;
            while (end < text.Length && (char.IsAsciiHexDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            return Token(text, SqlTokenKind.Number, i, end);
        }

        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        if (At(text, end) == '.' && At(text, end + 1) != '.')
        {
            end++;
            while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }
        }

        if (At(text, end) is 'e' or 'E')
        {
            var exponent = end + 1;
            if (At(text, exponent) is '+' or '-')
            {
                exponent++;
            }

            if (char.IsAsciiDigit(At(text, exponent)))
            {
                end = exponent;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                {
                    end++;
                }
            }
        }

        return Token(text, SqlTokenKind.Number, i, end);
    }

    private static SqlToken ReadOperator(string text, int i)
    {
        var end = i;
        while (end < text.Length && OperatorChars.Contains(text[end], StringComparison.Ordinal))
        {
            if (end > i && ((text[end] == '-' && At(text, end + 1) == '-') || (text[end] == '/' && At(text, end + 1) == '*')))
            {
                break;
            }

            end++;
        }

        // As PostgreSQL: a multi-character operator does not end in + or - unless it holds one of ~!@#%^&|`.
        while (end - i > 1 && text[end - 1] is '+' or '-' && text.AsSpan(i, end - i).IndexOfAny("~!@#%^&|`") < 0)
        {
            end--;
        }

        return Token(text, SqlTokenKind.Symbol, i, end);
    }

    private static int SkipBlockComment(string text, int start)
    {
        var depth = 0;
        var i = start;
        while (i < text.Length)
        {
            if (text[i] == '/' && At(text, i + 1) == '*')
            {
                depth++;
                i += 2;
            }
            else if (text[i] == '*' && At(text, i + 1) == '/')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        throw new SqlSyntaxException("unterminated /* comment", start);
    }

    private static SqlToken Token(string text, SqlTokenKind kind, int start, int end)
    {
        var raw = text[start..end];
        return new SqlToken(kind, start, end - start, raw, raw);
    }

    private static char At(string text, int i) => i < text.Length ? text[i] : '\0';

    private static bool IsWordStart(char c) => char.IsLetter(c) || c == '_' || c > 127;

    private static bool IsWordPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$' || c > 127;

    private static string Excerpt(string text, int start) => text.Substring(start, Math.Min(20, text.Length - start));
}
