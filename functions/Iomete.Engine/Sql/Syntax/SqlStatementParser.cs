using Iomete.Engine.Sessions;

namespace Iomete.Engine.Sql.Syntax;

/// <summary>
/// Parses the envelope of one statement: its kind, the table it targets and where that name is, and the clauses of DDL.
/// Queries and DML bodies are left to DuckDB's parser. Statements a session must never run come back as
/// <see cref="RefusedStatement"/> rather than as an exception.
/// </summary>
public static class SqlStatementParser
{
    /// <summary>Parses one statement (a trailing semicolon is allowed).</summary>
    /// <exception cref="SqlSyntaxException">The envelope is malformed, the text holds two statements, or a form is not supported.</exception>
    public static SqlStatement Parse(string statementText)
    {
        ArgumentNullException.ThrowIfNull(statementText);
        var tokens = SqlTokenizer.Tokenize(statementText);
        var end = tokens.Count;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsSymbol(";"))
            {
                continue;
            }

            var next = i + 1;
            while (next < tokens.Count && tokens[next].IsSymbol(";"))
            {
                next++;
            }

            if (next < tokens.Count)
            {
                throw new SqlSyntaxException(
                    $"only one statement is allowed here; a second one starts at or near \"{tokens[next].Text}\"", tokens[next].Start);
            }

            end = i;
            break;
        }

        if (end == 0)
        {
            throw new SqlSyntaxException("empty statement", 0);
        }

        var cursor = new TokenCursor(statementText, tokens, end);
        var statement = new StatementReader(cursor).Statement();
        cursor.ExpectEnd();
        return statement;
    }
}
