using System.Text;

namespace Iomete.Functions.Clusters.Jobs;

/// <summary>Splits a SQL script into statements at semicolons that are outside quotes and comments.</summary>
public static class SqlScript
{
    public static IReadOnlyList<string> Split(string? script)
    {
        var statements = new List<string>();
        if (string.IsNullOrEmpty(script))
        {
            return statements;
        }
        var current = new StringBuilder();
        var hasCode = false;
        var i = 0;
        while (i < script.Length)
        {
            var c = script[i];
            var next = i + 1 < script.Length ? script[i + 1] : '\0';
            if (c is '\'' or '"' or '`')
            {
                var end = QuotedEnd(script, i, c);
                current.Append(script, i, end - i);
                hasCode = true;
                i = end;
            }
            else if (c == '-' && next == '-')
            {
                var end = script.IndexOf('\n', i);
                end = end < 0 ? script.Length : end;
                current.Append(script, i, end - i);
                i = end;
            }
            else if (c == '/' && next == '*')
            {
                var end = script.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? script.Length : end + 2;
                current.Append(script, i, end - i);
                i = end;
            }
            else if (c == ';')
            {
                Flush();
                i++;
            }
            else
            {
                hasCode |= !char.IsWhiteSpace(c);
                current.Append(c);
                i++;
            }
        }
        Flush();
        return statements;

        void Flush()
        {
            if (hasCode)
            {
                statements.Add(current.ToString().Trim());
            }
            current.Clear();
            hasCode = false;
        }
    }

    /// <summary>The index after the closing quote; a doubled quote inside is an escaped one.</summary>
    private static int QuotedEnd(string script, int start, char quote)
    {
        var i = start + 1;
        while (i < script.Length)
        {
            if (script[i] == '\\' && quote == '\'' && i + 1 < script.Length)
            {
                i += 2;
                continue;
            }
            if (script[i] == quote)
            {
                if (i + 1 < script.Length && script[i + 1] == quote)
                {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return script.Length;
    }
}
