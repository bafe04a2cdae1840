using System.Text;
using System.Text.RegularExpressions;

namespace Iomete.Console.Pages.Sql;

/// <summary>One statement of an editor's text: where it starts and ends (character offsets) and its text, trimmed.</summary>
public sealed record SqlStatement(int Start, int End, string Text);

/// <summary>
/// What the editor does with SQL text: splits it into statements (semicolons outside quotes and comments), finds the
/// statement under the cursor, and finds and substitutes variables.
/// </summary>
public static partial class SqlText
{
    /// <summary>The statements of <paramref name="sql"/>, in order, without empty ones and without their semicolons.</summary>
    public static IReadOnlyList<SqlStatement> Split(string sql)
    {
        var result = new List<SqlStatement>();
        var start = 0;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c is '\'' or '"' or '`')
            {
                i = SkipQuoted(sql, i, c);
            }
            else if (c == '-' && At(sql, i + 1) == '-')
            {
                i = SkipTo(sql, i + 2, "\n");
            }
            else if (c == '/' && At(sql, i + 1) == '*')
            {
                i = SkipTo(sql, i + 2, "*/");
            }
            else if (c == ';')
            {
                Add(result, sql, start, i);
                start = i + 1;
                i++;
            }
            else
            {
                i++;
            }
        }
        Add(result, sql, start, sql.Length);
        return result;
    }

    /// <summary>
    /// The statement to run for a cursor at <paramref name="cursor"/>: the one containing it, or, when the cursor sits
    /// between statements (after a semicolon, on blank lines), the nearest one before it (else the first after it).
    /// </summary>
    public static SqlStatement? AtCursor(string sql, int cursor)
    {
        var statements = Split(sql);
        if (statements.Count == 0)
        {
            return null;
        }
        var containing = statements.FirstOrDefault(s => cursor >= s.Start && cursor <= s.End);
        return containing ?? statements.LastOrDefault(s => s.End <= cursor) ?? statements[0];
    }

    /// <summary>What Run takes: the selection's statements when text is selected, else the statement at the cursor.</summary>
    public static IReadOnlyList<SqlStatement> ToRun(string sql, int selectionStart, int selectionEnd, int cursor)
    {
        if (selectionEnd > selectionStart)
        {
            var selected = sql[Math.Max(0, selectionStart)..Math.Min(sql.Length, selectionEnd)];
            return [.. Split(selected).Select(s => s with { Start = s.Start + selectionStart, End = s.End + selectionStart })];
        }
        return AtCursor(sql, cursor) is { } one ? [one] : [];
    }

    /// <summary>Variable names in the text, in order of first use: <c>${name}</c> and <c>{{name}}</c> placeholders.</summary>
    public static IReadOnlyList<string> Variables(string sql) =>
        [.. VariablePattern().Matches(sql).Select(m => m.Groups["a"].Success ? m.Groups["a"].Value : m.Groups["b"].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>Replaces each placeholder by its value as written; the names without a value are returned as missing.</summary>
    public static (string Sql, IReadOnlyList<string> Missing) Substitute(string sql, IReadOnlyDictionary<string, string> values)
    {
        var missing = new List<string>();
        var text = VariablePattern().Replace(sql, m =>
        {
            var name = m.Groups["a"].Success ? m.Groups["a"].Value : m.Groups["b"].Value;
            if (values.TryGetValue(name, out var value))
            {
                return value;
            }
            if (!missing.Contains(name))
            {
                missing.Add(name);
            }
            return m.Value;
        });
        return (text, missing);
    }

    /// <summary>A 0-based character offset for a 1-based line and column (Monaco's positions).</summary>
    public static int Offset(string text, int line, int column)
    {
        var offset = 0;
        for (var l = 1; l < line && offset <= text.Length; l++)
        {
            var next = text.IndexOf('\n', offset);
            if (next < 0)
            {
                return text.Length;
            }
            offset = next + 1;
        }
        return Math.Min(text.Length, offset + column - 1);
    }

    internal static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    internal static int SkipQuoted(string s, int i, char quote)
    {
        i++;
        while (i < s.Length)
        {
            if (s[i] == quote)
            {
                // A doubled quote is an escaped quote inside the literal.
                if (At(s, i + 1) == quote)
                {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (s[i] == '\\' && quote == '\'')
            {
                i++;
            }
            i++;
        }
        return s.Length;
    }

    internal static int SkipTo(string s, int i, string end)
    {
        var at = s.IndexOf(end, i, StringComparison.Ordinal);
        return at < 0 ? s.Length : at + end.Length;
    }

    private static void Add(List<SqlStatement> list, string sql, int start, int end)
    {
        var text = sql[start..end];
        if (IsBlank(text))
        {
            return;
        }
        var lead = text.Length - text.TrimStart().Length;
        var trail = text.Length - text.TrimEnd().Length;
        list.Add(new SqlStatement(start + lead, end - trail, text.Trim()));
    }

    /// <summary>Whitespace and comments only.</summary>
    private static bool IsBlank(string text)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '-' && At(text, i + 1) == '-')
            {
                i = SkipTo(text, i + 2, "\n");
            }
            else if (text[i] == '/' && At(text, i + 1) == '*')
            {
                i = SkipTo(text, i + 2, "*/");
            }
            else
            {
                sb.Append(text[i]);
                i++;
            }
        }
        return string.IsNullOrWhiteSpace(sb.ToString());
    }

    [GeneratedRegex(@"\$\{\s*(?<a>[A-Za-z_][A-Za-z0-9_]*)\s*\}|\{\{\s*(?<b>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex VariablePattern();
}
