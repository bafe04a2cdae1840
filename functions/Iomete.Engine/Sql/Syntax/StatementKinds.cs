using Iomete.Engine.Sessions;

namespace Iomete.Engine.Sql.Syntax;

public static class StatementKinds
{
    /// <summary>The <see cref="StatementKind"/> a session reports for a statement; null for a <see cref="RefusedStatement"/>.</summary>
    public static StatementKind? KindOf(SqlStatement statement) => statement switch
    {
        QueryStatement => StatementKind.Query,
        ExplainStatement => StatementKind.Explain,
        InsertStatement { Overwrite: true } => StatementKind.InsertOverwrite,
        InsertStatement => StatementKind.Insert,
        UpdateStatement => StatementKind.Update,
        DeleteStatement => StatementKind.Delete,
        MergeStatement => StatementKind.Merge,
        CreateTableStatement { QuerySpan: not null } => StatementKind.CreateTableAsSelect,
        CreateTableStatement => StatementKind.CreateTable,
        CreateViewStatement => StatementKind.CreateView,
        CreateDatabaseStatement => StatementKind.CreateDatabase,
        DropTableStatement => StatementKind.DropTable,
        DropViewStatement => StatementKind.DropView,
        DropDatabaseStatement => StatementKind.DropDatabase,
        AlterTableStatement => StatementKind.AlterTable,
        ShowStatement => StatementKind.Show,
        DescribeStatement => StatementKind.Describe,
        UseStatement => StatementKind.Use,
        _ => null,
    };
}
