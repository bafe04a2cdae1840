namespace Iomete.Engine.Sql.Syntax;

public enum SqlTokenKind
{
    /// <summary>An unquoted word: keyword or identifier (keywords are matched case-insensitively).</summary>
    Word,
    /// <summary>A <c>"double-quoted"</c> identifier; <see cref="SqlToken.Value"/> has the <c>""</c> escapes resolved.</summary>
    QuotedIdentifier,
    /// <summary>A string literal: <c>'…'</c>, <c>E'…'</c>, <c>X'…'</c>, <c>B'…'</c>, <c>$$…$$</c> or <c>$tag$…$tag$</c>.</summary>
    String,
    Number,
    /// <summary><c>?</c>, <c>$1</c> or <c>$name</c>.</summary>
    Parameter,
    /// <summary>Punctuation (<c>( ) [ ] { } , ; . : ::</c>) and operators (<c>= &lt;&gt; || -&gt;&gt;</c> …).</summary>
    Symbol,
}

/// <summary>One token; <see cref="Text"/> is the source text, <see cref="Value"/> the unescaped content of quoted tokens.</summary>
public readonly record struct SqlToken(SqlTokenKind Kind, int Start, int Length, string Text, string Value)
{
    public int End => Start + Length;

    public TextSpan Span => new(Start, Length);

    public bool IsWord(string word) => Kind == SqlTokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == SqlTokenKind.Symbol && Text == symbol;

    /// <summary>A word or a quoted identifier.</summary>
    public bool IsIdentifier => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;
}
