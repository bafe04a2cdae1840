namespace Iomete.Engine.Sql.Syntax;

/// <summary>
/// The envelope of one statement. <see cref="Span"/> covers the statement from its first token to its last (a
/// trailing semicolon excluded); <see cref="WithPrefix"/> is the leading <c>WITH …</c> CTE list of a query or DML
/// statement (null otherwise). Spans are 0-based offsets into the text given to <see cref="SqlStatementParser.Parse"/>.
/// </summary>
public abstract record SqlStatement
{
    public TextSpan Span { get; init; }

    public TextSpan? WithPrefix { get; init; }
}

/// <summary>SELECT, WITH … SELECT, VALUES, FROM-first, TABLE t, a parenthesized query, PIVOT/UNPIVOT, SUMMARIZE: DuckDB parses the rest.</summary>
public sealed record QueryStatement : SqlStatement;

public sealed record ExplainStatement(SqlStatement Inner, bool Analyze) : SqlStatement;

/// <summary>
/// <c>INSERT INTO [TABLE] t …</c> or Spark's <c>INSERT OVERWRITE [TABLE] t …</c>. <see cref="BodySpan"/> is everything
/// after the target name (column list, BY NAME|POSITION, the query, VALUES or DEFAULT VALUES); <see cref="QuerySpan"/>
/// the query or VALUES part alone (null for DEFAULT VALUES).
/// </summary>
public sealed record InsertStatement(QualifiedName Target, bool Overwrite, TextSpan TargetSpan, TextSpan BodySpan, TextSpan? QuerySpan)
    : SqlStatement;

/// <summary><c>UPDATE t [[AS] alias] SET … [FROM …] [WHERE …]</c>.</summary>
public sealed record UpdateStatement(QualifiedName Target, TextSpan TargetSpan, string? Alias) : SqlStatement;

/// <summary><c>DELETE FROM t [[AS] alias] [USING …] [WHERE …]</c>, or <c>TRUNCATE [TABLE] t</c> (<see cref="TruncateAll"/>).</summary>
public sealed record DeleteStatement(QualifiedName Target, TextSpan TargetSpan, string? Alias, bool TruncateAll) : SqlStatement;

/// <summary><c>MERGE INTO t [[AS] alias] USING source ON … WHEN …</c>.</summary>
public sealed record MergeStatement(QualifiedName Target, TextSpan TargetSpan, string? Alias) : SqlStatement;

/// <summary>
/// A statement a session never runs (settings, files, extensions, transactions, macros, temporary objects, unknown
/// statements). <see cref="Keyword"/> names it in upper case (<c>SET</c>, <c>CREATE MACRO</c>, <c>FORCE INSTALL</c>).
/// </summary>
public sealed record RefusedStatement(string Keyword, string Reason) : SqlStatement;
