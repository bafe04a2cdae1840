using Iomete.Engine.Sessions.Ddl;
using Iomete.Engine.Sessions.Statements;
using Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Sessions;

/// <summary>Sends each kind of statement to its handler; refused statements never reach DuckDB.</summary>
internal static class StatementDispatch
{
    public static Task<StatementResult> RunAsync(StatementContext context, SqlStatement statement, CancellationToken ct) => statement switch
    {
        QueryStatement query => QueryStatements.RunAsync(context, query, ct),
        ExplainStatement explain => QueryStatements.ExplainAsync(context, explain, ct),
        InsertStatement insert => InsertStatements.RunAsync(context, insert, ct),
        UpdateStatement update => RowChangeStatements.RunAsync(context, update.Target, update.TargetSpan, update.Alias, false, StatementKind.Update, ct),
        DeleteStatement delete => RowChangeStatements.RunAsync(context, delete.Target, delete.TargetSpan, delete.Alias, delete.TruncateAll, StatementKind.Delete, ct),
        MergeStatement merge => RowChangeStatements.RunAsync(context, merge.Target, merge.TargetSpan, merge.Alias, false, StatementKind.Merge, ct),
        CreateTableStatement create => CreateTableStatements.RunAsync(context, create, ct),
        AlterTableStatement alter => AlterTableStatements.RunAsync(context, alter, ct),
        DropTableStatement drop => DropStatements.DropTableAsync(context, drop, ct),
        CreateViewStatement view => CreateViewStatements.RunAsync(context, view, ct),
        DropViewStatement dropView => DropStatements.DropViewAsync(context, dropView, ct),
        CreateDatabaseStatement database => DatabaseStatements.CreateAsync(context, database, ct),
        DropDatabaseStatement dropDatabase => DropStatements.DropDatabaseAsync(context, dropDatabase, ct),
        UseStatement use => DatabaseStatements.UseAsync(context, use, ct),
        ShowStatement show => ShowStatements.RunAsync(context, show, ct),
        DescribeStatement describe => DescribeStatements.RunAsync(context, describe, ct),
        RefusedStatement refused => throw new SqlNotAllowedException(refused.Reason),
        _ => throw new SqlInvalidException($"{statement.GetType().Name} is not supported"),
    };
}
