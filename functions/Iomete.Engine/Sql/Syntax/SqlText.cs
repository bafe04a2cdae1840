namespace Iomete.Engine.Sql.Syntax;

/// <summary>Cuts spans out of a statement's text and swaps one span for other text.</summary>
public static class SqlText
{
    public static string Cut(string text, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(text);
        CheckBounds(text, span);
        return text.Substring(span.Start, span.Length);
    }

    /// <summary>The text with <paramref name="span"/> replaced by <paramref name="replacement"/> (e.g. a target table by a staging table).</summary>
    public static string Replace(string text, TextSpan span, string replacement)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(replacement);
        CheckBounds(text, span);
        return string.Concat(text.AsSpan(0, span.Start), replacement, text.AsSpan(span.End));
    }

    /// <summary>A double-quoted identifier as DuckDB reads it (embedded quotes doubled).</summary>
    public static string QuoteIdentifier(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A single-quoted string literal (embedded quotes doubled).</summary>
    public static string QuoteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static void CheckBounds(string text, TextSpan span)
    {
        if (span.Start < 0 || span.Length < 0 || span.End > text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(span), $"Span {span} lies outside a text of {text.Length} characters.");
        }
    }
}
