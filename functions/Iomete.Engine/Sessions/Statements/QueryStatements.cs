using Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Sessions.Statements;

/// <summary>SELECT-like queries and EXPLAIN: rewritten through DuckDB's AST, then run as they are.</summary>
internal static class QueryStatements
{
    public static async Task<StatementResult> RunAsync(StatementContext context, QueryStatement statement, CancellationToken ct)
    {
        var sql = await context.Rewriter.RewriteAsync(context.Cut(statement.Span), statement.Span.Start, context.Names, 0, ct);
        await context.SendRowsAsync(sql, ct);
        return new StatementResult(StatementKind.Query, null, null);
    }

    public static async Task<StatementResult> ExplainAsync(StatementContext context, ExplainStatement statement, CancellationToken ct)
    {
        if (statement.Inner is not QueryStatement query)
        {
            throw new SqlInvalidException("EXPLAIN takes a query");
        }
        var sql = await context.Rewriter.RewriteAsync(context.Cut(query.Span), query.Span.Start, context.Names, 0, ct);
        await context.SendRowsAsync((statement.Analyze ? "EXPLAIN ANALYZE " : "EXPLAIN ") + sql, ct);
        return new StatementResult(StatementKind.Explain, null, null);
    }
}
